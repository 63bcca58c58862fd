package com.complaintdesk.handling;

import static com.complaintdesk.complaint.ComplaintVariables.PLAN;

import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TaskInput;
import com.complaintdesk.complaint.TimelineEventType;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the handler's initial plan: the department has answered within its deadline or not. */
@Component("recordPlan")
public class RecordPlan implements TaskListener {

  private final ComplaintRepository complaints;
  private final ComplaintJournal journal;

  public RecordPlan(ComplaintRepository complaints, ComplaintJournal journal) {
    this.complaints = complaints;
    this.journal = journal;
  }

  @Override
  public void notify(DelegateTask task) {
    var plan = TaskInput.required(task, PLAN, "Describe the plan.");
    var complaint = journal.complaint(task.getExecution().getProcessBusinessKey());
    complaints.recordPlan(complaint.id(), plan);
    journal.record(complaint, TimelineEventType.PLAN_PROPOSED, null);
  }
}
