package com.complaintdesk.feedback;

import static com.complaintdesk.complaint.ComplaintVariables.*;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintConflict;
import com.complaintdesk.complaint.ComplaintStatus;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a complainant can do to a running complaint: answer the survey, or withdraw it. */
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
