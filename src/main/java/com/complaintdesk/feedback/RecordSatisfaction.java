package com.complaintdesk.feedback;

import static com.complaintdesk.complaint.ComplaintVariables.*;

import com.complaintdesk.complaint.Actor;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.InvalidTaskInput;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records how satisfied the user is, from the survey or the follow-up call, and decides where the
 * complaint goes next ({@code feedbackOutcome}): close, reopen, or final review after too many reopens.
 */
@Component("recordSatisfaction")
public class RecordSatisfaction implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final FeedbackProperties properties;
  private final Actor actor;

  public RecordSatisfaction(ComplaintRepository complaints, Timeline timeline, FeedbackProperties properties,
      Actor actor) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.properties = properties;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = complaints.get(execution.getProcessBusinessKey());
    Integer satisfaction = null;
    String comment = null;
    if (Boolean.FALSE.equals(execution.getVariable(REACHED))) {
      timeline.record(complaint.id(), TimelineEventType.USER_NOT_REACHED, null, actor.current());
    } else {
      satisfaction = satisfaction(execution.getVariable(SATISFACTION));
      comment = (String) execution.getVariable(COMMENT);
      complaints.recordSatisfaction(complaint.id(), satisfaction, comment);
      timeline.record(complaint.id(), TimelineEventType.FEEDBACK_RECEIVED, "satisfaction " + satisfaction + " of 5",
          actor.current());
    }
    var outcome = FeedbackOutcome.of(satisfaction, complaint.reopenCount(), properties.maxReopens());
    if (outcome == FeedbackOutcome.FINAL_REVIEW) {
      timeline.record(complaint.id(), TimelineEventType.FINAL_REVIEW_REQUESTED,
          "dissatisfied after " + complaint.reopenCount() + " reopenings", actor.current());
    }
    execution.setVariable(FEEDBACK_OUTCOME, outcome.name());
  }

  private static Integer satisfaction(Object value) {
    if (value instanceof Number number && number.intValue() >= 1 && number.intValue() <= 5
        && number.doubleValue() == number.intValue()) {
      return number.intValue();
    }
    throw new InvalidTaskInput("satisfaction must be a whole number from 1 to 5, was " + value);
  }
}
