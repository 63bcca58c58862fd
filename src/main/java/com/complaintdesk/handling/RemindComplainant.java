package com.complaintdesk.handling;

import static com.complaintdesk.complaint.ComplaintVariables.QUESTION_FOR_USER;

import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the user, once, of the handler's question they have not answered yet. */
@Component("remindComplainant")
public class RemindComplainant implements JavaDelegate {

  private final ComplaintJournal journal;
  private final NotificationOutbox outbox;

  public RemindComplainant(ComplaintJournal journal, NotificationOutbox outbox) {
    this.journal = journal;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = journal.complaint(execution.getProcessBusinessKey());
    outbox.toComplainant(complaint, NotificationTemplate.QUESTION_REMINDER,
        Map.of("question", String.valueOf(execution.getVariable(QUESTION_FOR_USER))));
  }
}
