package com.complaintdesk.complaint;

/**
 * What can happen to a complaint. An event may move the complaint to a new public status; public events
 * appear on the complainant's status page, internal ones only to staff and auditors.
 */
public enum TimelineEventType {
  RECEIVED(ComplaintStatus.RECEIVED, true),
  LOGGED(ComplaintStatus.LOGGED, true),
  LOGGING_DEADLINE_BREACHED(null, false),
  CLASSIFIED(ComplaintStatus.CLASSIFIED, true),
  HANDLER_ASSIGNED(ComplaintStatus.ASSIGNED, true),
  RESPONSE_REMINDER_SENT(null, false),
  RESPONSE_DEADLINE_BREACHED(null, false),
  PLAN_PROPOSED(ComplaintStatus.PLANNED, true),
  PROGRESS_NOTE(ComplaintStatus.IN_PROGRESS, true),
  WORK_CONTINUED(ComplaintStatus.IN_PROGRESS, false),
  GOAL_NOT_MET(ComplaintStatus.IN_PROGRESS, false),
  RESOLVED(ComplaintStatus.RESOLVED, true),
  RESULT_SENT(ComplaintStatus.AWAITING_FEEDBACK, true),
  FEEDBACK_RECEIVED(null, true),
  USER_NOT_REACHED(null, false),
  REOPENED(ComplaintStatus.CLASSIFIED, true),
  FINAL_REVIEW_REQUESTED(null, false),
  CLOSED(ComplaintStatus.CLOSED, true),
  WITHDRAWN(ComplaintStatus.WITHDRAWN, true),
  DUPLICATE(ComplaintStatus.DUPLICATE, true),
  // intake: a repeated submission is linked to the contact's open complaint (detail: the open complaint's
  // tracking number), which records it internally; triage may undo the link
  LINKED_TO_OPEN_COMPLAINT(ComplaintStatus.DUPLICATE, true),
  SUBMISSION_LINKED(null, false),
  UNLINKED_FROM_OPEN_COMPLAINT(ComplaintStatus.RECEIVED, true),
  SUBMISSION_UNLINKED(null, false),
  // the complainant answered one of our mails; public, because it is their own words on their own status page
  USER_REPLIED(null, true),
  // the handler asked the user a question (detail: the question), the user answered (detail: the answer) or
  // did not within the wait
  QUESTION_ASKED(null, true),
  QUESTION_ANSWERED(null, true),
  QUESTION_UNANSWERED(null, true),
  CLOSED_UNANSWERED(ComplaintStatus.CLOSED, true),
  // while the complaint waits for the user's answer its deadlines stand still (detail: how long they waited)
  DEADLINES_PAUSED(null, true),
  DEADLINES_RESUMED(null, true),
  // retention: personal data erased some time after closing (the status stays what it was)
  CONTACT_DETAILS_ERASED(null, false),
  COMPLAINT_TEXTS_ERASED(null, false);

  private final ComplaintStatus resultingStatus;
  private final boolean publicEntry;

  TimelineEventType(ComplaintStatus resultingStatus, boolean publicEntry) {
    this.resultingStatus = resultingStatus;
    this.publicEntry = publicEntry;
  }

  /** The status the complaint has after this event, or null when the status does not change. */
  public ComplaintStatus resultingStatus() {
    return resultingStatus;
  }

  public boolean isPublic() {
    return publicEntry;
  }

  /** A missed deadline (the SLA reports count them). */
  public boolean isDeadlineBreach() {
    return this == LOGGING_DEADLINE_BREACHED || this == RESPONSE_DEADLINE_BREACHED;
  }
}
