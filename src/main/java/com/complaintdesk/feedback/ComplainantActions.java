package com.complaintdesk.feedback;

import static com.complaintdesk.complaint.ComplaintVariables.*;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintConflict;
import com.complaintdesk.complaint.ComplaintStatus;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.variable.Variables;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a complainant can do to a running complaint: answer the handler's question, answer the survey, or
 * withdraw it.
 */
@Service
public class ComplainantActions {

  private final RuntimeService runtimeService;

  public ComplainantActions(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** One answer per survey: once the process has taken an answer, it no longer waits for one. */
  @Transactional
  public void answerSurvey(Complaint complaint, int satisfaction, String comment) {
    if (complaint.status() != ComplaintStatus.AWAITING_FEEDBACK) {
      throw new ComplaintConflict("This complaint is not waiting for a survey answer (status " + complaint.status() + ").");
    }
    correlate(complaint, MESSAGE_SURVEY_ANSWERED, Variables.createVariables()
        .putValue(SATISFACTION, satisfaction)
        .putValue(COMMENT, comment == null || comment.isBlank() ? null : comment.trim()));
  }

  /** The longest answer to a handler's question, after trimming. */
  public static final int MAX_ANSWER = 2000;

  /**
   * Hands the complainant's answer to the process waiting for it (receive task with the message
   * {@code ComplainantAnswered}). The timeline entry is the process's, not ours. Throws
   * {@link IllegalArgumentException} for a blank or too long answer and {@link ComplaintConflict} when the
   * process is not waiting for an answer.
   */
  @Transactional
  public void answerQuestion(Complaint complaint, String answer) {
    String trimmed = answer == null ? "" : answer.trim();
    if (trimmed.isEmpty() || trimmed.length() > MAX_ANSWER) {
      throw new IllegalArgumentException("An answer has 1 to " + MAX_ANSWER + " characters.");
    }
    if (answerWait(complaint).isEmpty()) {
      throw new ComplaintConflict("This complaint is not waiting for an answer (status " + complaint.status() + ").");
    }
    correlate(complaint, MESSAGE_COMPLAINANT_ANSWERED, Variables.createVariables().putValue(ANSWER, trimmed));
  }

  /** Whether the complaint's process waits for the complainant's answer to a question now. */
  public boolean waitsForAnswer(Complaint complaint) {
    return answerWait(complaint).isPresent();
  }

  /**
   * The question the process waits to have answered ({@code questionForUser}), empty when it waits for none; an
   * empty text when it waits but the question was not kept.
   */
  public Optional<String> openQuestion(Complaint complaint) {
    return answerWait(complaint).map(subscription -> {
      Object question = runtimeService.getVariable(subscription.getExecutionId(), QUESTION_FOR_USER);
      return question == null ? "" : question.toString();
    });
  }

  private Optional<EventSubscription> answerWait(Complaint complaint) {
    if (complaint.processInstanceId() == null) {
      return Optional.empty();
    }
    return runtimeService.createEventSubscriptionQuery()
        .processInstanceId(complaint.processInstanceId())
        .eventType("message")
        .eventName(MESSAGE_COMPLAINANT_ANSWERED)
        .list().stream().findFirst();
  }

  @Transactional
  public void withdraw(Complaint complaint) {
    if (complaint.status().isFinal()) {
      throw new ComplaintConflict("This complaint is already " + complaint.status() + " and cannot be withdrawn.");
    }
    correlate(complaint, MESSAGE_COMPLAINT_WITHDRAWN, Variables.createVariables());
  }

  private void correlate(Complaint complaint, String message, java.util.Map<String, Object> variables) {
    try {
      runtimeService.createMessageCorrelation(message)
          .processInstanceBusinessKey(complaint.trackingNumber())
          .setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ComplaintConflict("This complaint cannot take that now (status " + complaint.status() + ").");
    }
  }
}
