package com.complaintdesk.feedback;

import static com.complaintdesk.complaint.ComplaintVariables.SURVEY_WAIT;

import com.complaintdesk.complaint.Actor;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Revisits the user: sends the outcome with the survey link, and sets how long the process waits for the
 * answer ({@code surveyWait}, shown in Cockpit) before customer service phones.
 */
@Component("informUserOfResult")
public class InformUserOfResult implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final NotificationOutbox outbox;
  private final FeedbackProperties properties;
  private final Actor actor;

  public InformUserOfResult(ComplaintRepository complaints, Timeline timeline, NotificationOutbox outbox,
      FeedbackProperties properties, Actor actor) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.outbox = outbox;
    this.properties = properties;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = complaints.get(execution.getProcessBusinessKey());
    boolean emailed = outbox.toComplainant(complaint, NotificationTemplate.RESULT_WITH_SURVEY,
        Map.of("measures", complaint.measures(), "effect", complaint.effect()));
    timeline.record(complaint.id(), TimelineEventType.RESULT_SENT,
        emailed ? "by email, with the survey link" : "no email address: customer service will call", actor.current());
    execution.setVariable(SURVEY_WAIT, properties.surveyWait().toString());
  }
}
