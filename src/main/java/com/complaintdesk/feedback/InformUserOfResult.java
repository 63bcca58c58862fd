package com.complaintdesk.feedback;

import static com.complaintdesk.complaint.ComplaintVariables.SURVEY_WAIT;

import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.deadline.DeadlineProperties;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Revisits the user: sends the outcome (with the handler's message of Confirm result, if any) and the survey link,
 * and sets how long the process waits for the answer ({@code surveyWait}, shown in Cockpit) before customer service
 * phones.
 */
@Component("informUserOfResult")
public class InformUserOfResult implements JavaDelegate {

  private final ComplaintJournal journal;
  private final NotificationOutbox outbox;
  private final DeadlineProperties properties;

  public InformUserOfResult(ComplaintJournal journal, NotificationOutbox outbox,
      DeadlineProperties properties) {
    this.journal = journal;
    this.outbox = outbox;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = journal.complaint(execution.getProcessBusinessKey());
    var details = new HashMap<String, Object>(Map.of("measures", complaint.measures(), "effect", complaint.effect()));
    if (complaint.resultReply() != null) {
      details.put("reply", complaint.resultReply());
    }
    boolean emailed = outbox.toComplainant(complaint, NotificationTemplate.RESULT_WITH_SURVEY, details);
    journal.record(complaint, TimelineEventType.RESULT_SENT,
        emailed ? "by email, with the survey link" : "no email address: customer service will call");
    execution.setVariable(SURVEY_WAIT, properties.surveyWait().toString());
  }
}
