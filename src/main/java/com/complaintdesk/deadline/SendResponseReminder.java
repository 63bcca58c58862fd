package com.complaintdesk.deadline;

import static com.complaintdesk.complaint.ComplaintVariables.HANDLER;

import com.complaintdesk.complaint.Department;
import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reminds whoever owes the initial plan that the deadline is near: the named handler, or the
 * department's leads while nobody is named yet.
 */
@Component("sendResponseReminder")
public class SendResponseReminder implements JavaDelegate {

  private final NotificationOutbox outbox;
  private final ComplaintJournal journal;

  public SendResponseReminder(NotificationOutbox outbox, ComplaintJournal journal) {
    this.outbox = outbox;
    this.journal = journal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = journal.complaint(execution.getProcessBusinessKey());
    var handler = (String) execution.getVariable(HANDLER);
    Map<String, Object> details = Map.of("responseDueAt", String.valueOf(complaint.responseDueAt()));
    String reminded;
    if (handler != null) {
      outbox.toStaffUser(complaint, handler, NotificationTemplate.RESPONSE_REMINDER, details);
      reminded = handler;
    } else {
      reminded = Department.leadsGroupOf(complaint.department());
      outbox.toStaffGroups(complaint, List.of(reminded), NotificationTemplate.RESPONSE_REMINDER, details);
    }
    journal.record(complaint, TimelineEventType.RESPONSE_REMINDER_SENT, "reminded " + reminded);
  }
}
