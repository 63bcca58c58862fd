package com.complaintdesk.handling;

import static com.complaintdesk.complaint.ComplaintVariables.ANSWER;
import static com.complaintdesk.complaint.ComplaintVariables.QUESTION_FOR_USER;

import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.deadline.DeadlinePause;
import com.complaintdesk.deadline.DeadlineProperties;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the handler's question to the user: by mail when we have an address, always on the status page (the
 * timeline and the open question), and stops the response deadline until the answer comes. Sets the waits of
 * the model's timers: the reminder after answerWait, going on without an answer after twice that.
 */
@Component("askComplainant")
public class AskComplainant implements JavaDelegate {

  private final ComplaintJournal journal;
  private final NotificationOutbox outbox;
  private final DeadlinePause deadlines;
  private final DeadlineProperties properties;

  public AskComplainant(ComplaintJournal journal, NotificationOutbox outbox, DeadlinePause deadlines,
      DeadlineProperties properties) {
    this.journal = journal;
    this.outbox = outbox;
    this.deadlines = deadlines;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = journal.complaint(execution.getProcessBusinessKey());
    String question = (String) execution.getVariable(QUESTION_FOR_USER);
    execution.removeVariable(ANSWER); // the answer to an earlier question is not the answer to this one
    execution.setVariable("answerWait", properties.answerWait().toString());
    execution.setVariable("answerGiveUpAfter", properties.answerWait().multipliedBy(2).toString());
    outbox.toComplainant(complaint, NotificationTemplate.QUESTION_FOR_USER, Map.of("question", question));
    journal.record(complaint, TimelineEventType.QUESTION_ASKED, question);
    deadlines.pause(complaint);
  }
}
