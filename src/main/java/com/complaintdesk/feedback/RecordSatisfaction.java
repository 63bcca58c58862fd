package com.complaintdesk.feedback;

import static com.complaintdesk.complaint.ComplaintVariables.*;

import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.InvalidTaskInput;
import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.deadline.DeadlineProperties;
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
  private final ComplaintJournal journal;
  private final DeadlineProperties properties;

  public RecordSatisfaction(ComplaintRepository complaints, ComplaintJournal journal, DeadlineProperties properties) {
    this.complaints = complaints;
    this.journal = journal;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = journal.complaint(execution.getProcessBusinessKey());
    Integer satisfaction = null;
    String comment = null;
    if (Boolean.FALSE.equals(execution.getVariable(REACHED))) {
      journal.record(complaint, TimelineEventType.USER_NOT_REACHED, null);
    } else {
      satisfaction = satisfaction(execution.getVariable(SATISFACTION));
      comment = (String) execution.getVariable(COMMENT);
      complaints.recordSatisfaction(complaint.id(), satisfaction, comment);
      journal.record(complaint, TimelineEventType.FEEDBACK_RECEIVED, "satisfaction " + satisfaction + " of 5");
    }
    var outcome = FeedbackOutcome.of(satisfaction, complaint.reopenCount(), properties.maxReopens());
    if (outcome == FeedbackOutcome.FINAL_REVIEW) {
      journal.record(complaint, TimelineEventType.FINAL_REVIEW_REQUESTED,
          "dissatisfied after " + complaint.reopenCount() + " reopenings");
    }
    execution.setVariable(FEEDBACK_OUTCOME, outcome.name());
    // a later follow-up call starts unticked
    execution.removeVariable(REACHED);
  }

  private static Integer satisfaction(Object value) {
    if (value instanceof Number number && number.intValue() >= 1 && number.intValue() <= 5
        && number.doubleValue() == number.intValue()) {
      return number.intValue();
    }
    throw new InvalidTaskInput("satisfaction must be a whole number from 1 to 5, was " + value);
  }
}
