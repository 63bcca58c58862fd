package com.complaintdesk.feedback;

/** Where the user's feedback takes the complaint; the model's gateway reads it as {@code feedbackOutcome}. */
public enum FeedbackOutcome {
  /** Satisfied, or not reachable: the complaint closes. */
  CLOSE,
  /** Dissatisfied: back to the department. */
  REOPEN,
  /** Dissatisfied once more than the policy allows reopening: a complaint manager decides. */
  FINAL_REVIEW;

  static FeedbackOutcome of(Integer satisfaction, int reopenCount, int maxReopens) {
    if (satisfaction == null || satisfaction >= 3) {
      return CLOSE;
    }
    return reopenCount < maxReopens ? REOPEN : FINAL_REVIEW;
  }
}
