package com.complaintdesk.complaint;

/** The public status of a complaint, as the complainant sees it. */
public enum ComplaintStatus {
  RECEIVED, LOGGED, CLASSIFIED, ASSIGNED, PLANNED, IN_PROGRESS, RESOLVED, AWAITING_FEEDBACK, CLOSED,
  WITHDRAWN, DUPLICATE;

  public boolean isFinal() {
    return this == CLOSED || this == WITHDRAWN || this == DUPLICATE;
  }
}
