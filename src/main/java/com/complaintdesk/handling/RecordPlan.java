package com.complaintdesk.handling;

import static com.complaintdesk.complaint.ComplaintVariables.PLAN;

import com.complaintdesk.complaint.Actor;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the handler's initial plan: the department has answered within its deadline or not. */
@Component("recordPlan")
public class RecordPlan implements TaskListener {

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final Actor actor;

  public RecordPlan(ComplaintRepository complaints, Timeline timeline, Actor actor) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    var plan = TaskInput.required(task, PLAN, "Describe the plan.");
    var complaint = complaints.get(task.getExecution().getProcessBusinessKey());
    complaints.recordPlan(complaint.id(), plan);
    timeline.record(complaint.id(), TimelineEventType.PLAN_PROPOSED, null, actor.current());
  }
}
