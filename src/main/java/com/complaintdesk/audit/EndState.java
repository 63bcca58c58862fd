package com.complaintdesk.audit;

import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * How a complaint's process instance ended, read from the element it ended in (the element ids of
 * processes/complaint-handling.bpmn) and whether it passed the final review. The auditors' History tab shows and
 * filters by it.
 */
enum EndState {
  RUNNING,
  CLOSED,
  CLOSED_AFTER_FINAL_REVIEW,
  CLOSED_UNANSWERED,
  DUPLICATE,
  WITHDRAWN,
  /** Deleted by hand (Cockpit, the REST API) or by the engine: it reached no end event of the model. */
  CANCELLED;

  static final String CLOSED_END = "ComplaintClosed";
  static final String UNANSWERED_END = "ComplaintClosedUnanswered";
  static final String DUPLICATE_END = "ComplaintClosedAsDuplicate";
  /** The engine records the interrupting event sub-process that ended the instance, not its end event. */
  static final String WITHDRAWN_END = "Withdrawal";
  static final String FINAL_REVIEW = "FinalReview";

  static EndState of(HistoricProcessInstance instance, boolean passedFinalReview) {
    if (instance.getEndTime() == null) {
      return RUNNING;
    }
    String end = instance.getEndActivityId();
    if (HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState()) || end == null) {
      return CANCELLED;
    }
    return switch (end) {
      case CLOSED_END -> passedFinalReview ? CLOSED_AFTER_FINAL_REVIEW : CLOSED;
      case UNANSWERED_END -> CLOSED_UNANSWERED;
      case DUPLICATE_END -> DUPLICATE;
      case WITHDRAWN_END -> WITHDRAWN;
      default -> CANCELLED;
    };
  }
}
