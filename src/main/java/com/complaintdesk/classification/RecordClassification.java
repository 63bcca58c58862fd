package com.complaintdesk.classification;

import static com.complaintdesk.complaint.ComplaintVariables.*;

import com.complaintdesk.complaint.Actor;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Department;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the classification, whether the rules or a triage reviewer made it, and names the department's
 * group for the department stage's task assignment.
 */
@Component("recordClassification")
public class RecordClassification implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final Actor actor;

  public RecordClassification(ComplaintRepository complaints, Timeline timeline, Actor actor) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var category = (String) execution.getVariable(CATEGORY);
    var priority = (String) execution.getVariable(PRIORITY);
    var department = Department.valueOf((String) execution.getVariable(DEPARTMENT));
    execution.setVariable(DEPARTMENT_GROUP, department.group());

    long complaintId = complaints.get(execution.getProcessBusinessKey()).id();
    complaints.recordClassification(complaintId, category, priority, department.name());
    timeline.record(complaintId, TimelineEventType.CLASSIFIED,
        category + ", priority " + priority + ", department " + department, actor.current());
  }
}
