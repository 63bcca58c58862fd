package com.complaintdesk.classification;

import static com.complaintdesk.complaint.ComplaintVariables.DUPLICATE_OF;

import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes a complaint as a duplicate, linked to its original, and tells the user where to follow it. */
@Component("closeAsDuplicate")
public class CloseAsDuplicate implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final ComplaintJournal journal;
  private final NotificationOutbox outbox;

  public CloseAsDuplicate(ComplaintRepository complaints, ComplaintJournal journal, NotificationOutbox outbox) {
    this.complaints = complaints;
    this.journal = journal;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var original = (String) execution.getVariable(DUPLICATE_OF);
    var complaint = journal.complaint(execution.getProcessBusinessKey());
    complaints.recordDuplicateOf(complaint.id(), original);
    journal.record(complaint, TimelineEventType.DUPLICATE, "duplicate of " + original);
    outbox.toComplainant(complaint, NotificationTemplate.DUPLICATE, Map.of("originalTrackingNumber", original));
  }
}
