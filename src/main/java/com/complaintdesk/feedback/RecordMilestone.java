package com.complaintdesk.feedback;

import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records a milestone the user is told of, such as the closing or the withdrawal of the complaint. The model
 * names it with the input parameters {@code event} (a timeline event type, which may set the status) and
 * {@code notice} (the message to the user).
 */
@Component("recordMilestone")
public class RecordMilestone implements JavaDelegate {

  private final ComplaintJournal journal;
  private final NotificationOutbox outbox;

  public RecordMilestone(ComplaintJournal journal, NotificationOutbox outbox) {
    this.journal = journal;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var event = TimelineEventType.valueOf((String) execution.getVariableLocal("event"));
    var notice = NotificationTemplate.valueOf((String) execution.getVariableLocal("notice"));
    var complaint = journal.complaint(execution.getProcessBusinessKey());
    journal.record(complaint, event, null);
    outbox.toComplainant(complaint, notice, Map.of());
  }
}
