package com.complaintdesk.classification;

import static com.complaintdesk.complaint.ComplaintVariables.*;

import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintJournal;
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
  private final ComplaintJournal journal;
  private final Catalogue catalogue;

  public RecordClassification(ComplaintRepository complaints, ComplaintJournal journal, Catalogue catalogue) {
    this.complaints = complaints;
    this.journal = journal;
    this.catalogue = catalogue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // A category or department the catalogue does not list (a slip in the rules) fails here, as an incident.
    var category = catalogue.requireCategory((String) execution.getVariable(CATEGORY)).id();
    var priority = (String) execution.getVariable(PRIORITY);
    var department = catalogue.requireDepartment((String) execution.getVariable(DEPARTMENT));
    execution.setVariable(DEPARTMENT_GROUP, department.group());

    var complaint = journal.complaint(execution.getProcessBusinessKey());
    long complaintId = complaint.id();
    complaints.recordClassification(complaintId, category, priority, department.id());
    journal.record(complaint, TimelineEventType.CLASSIFIED,
        category + ", priority " + priority + ", department " + department.id());
  }
}
