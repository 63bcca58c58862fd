package com.complaintdesk.handling;

import static com.complaintdesk.complaint.ComplaintVariables.DEPARTMENT;
import static com.complaintdesk.complaint.ComplaintVariables.HANDLER;

import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Department;
import com.complaintdesk.complaint.InvalidTaskInput;
import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TimelineEventType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Checks that the named handler belongs to the department, and records the assignment. */
@Component("recordHandlerAssignment")
public class RecordHandlerAssignment implements TaskListener {

  private final IdentityService identityService;
  private final ComplaintRepository complaints;
  private final ComplaintJournal journal;

  public RecordHandlerAssignment(IdentityService identityService, ComplaintRepository complaints, ComplaintJournal journal) {
    this.identityService = identityService;
    this.complaints = complaints;
    this.journal = journal;
  }

  @Override
  public void notify(DelegateTask task) {
    var handler = (String) task.getVariable(HANDLER);
    String group = Department.groupOf((String) task.getVariable(DEPARTMENT));
    if (handler == null || identityService.createUserQuery().userId(handler).memberOfGroup(group).count() == 0) {
      throw new InvalidTaskInput("Choose a handler who is a member of the group " + group + ".");
    }
    var complaint = journal.complaint(task.getExecution().getProcessBusinessKey());
    complaints.recordHandler(complaint.id(), handler);
    // The department took the complaint on: its category and department stand (what the suggestion learns from).
    complaints.recordClassificationSettled(complaint.id(), ClockUtil.getCurrentTime().toInstant());
    journal.record(complaint, TimelineEventType.HANDLER_ASSIGNED, null);
  }
}
