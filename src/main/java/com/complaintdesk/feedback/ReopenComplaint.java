package com.complaintdesk.feedback;

import static com.complaintdesk.complaint.ComplaintVariables.DONE;
import static com.complaintdesk.complaint.ComplaintVariables.GOAL_MET;
import static com.complaintdesk.complaint.ComplaintVariables.REOPEN_COUNT;

import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends a dissatisfied user's complaint back to the department, and tells the user. */
@Component("reopenComplaint")
public class ReopenComplaint implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final ComplaintJournal journal;
  private final NotificationOutbox outbox;

  public ReopenComplaint(ComplaintRepository complaints, ComplaintJournal journal, NotificationOutbox outbox) {
    this.complaints = complaints;
    this.journal = journal;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = journal.complaint(execution.getProcessBusinessKey());
    int reopenCount = complaint.reopenCount() + 1;
    complaints.recordReopened(complaint.id(), reopenCount);
    execution.setVariable(REOPEN_COUNT, reopenCount);
    // a new round in the department: its forms start without the last round's answers
    execution.setVariable(DONE, false);
    execution.setVariable(GOAL_MET, false);
    journal.record(complaint, TimelineEventType.REOPENED, "reopened " + reopenCount + " time(s)");
    outbox.toComplainant(complaint, NotificationTemplate.REOPENED, Map.of());
  }
}
