package com.complaintdesk.notification;

/** The messages we send, to complainants and to staff. Templates per language come with the mail issue. */
public enum NotificationTemplate {
  // to the complainant
  ACKNOWLEDGEMENT,
  PROGRESS_NOTE,
  RESULT_WITH_SURVEY,
  REOPENED,
  CLOSED,
  WITHDRAWN,
  DUPLICATE,
  // to staff
  CLASSIFIED_FOR_INFORMATION,
  LOGGING_DEADLINE_ESCALATION,
  RESPONSE_REMINDER,
  RESPONSE_DEADLINE_BREACHED,
  FINAL_REVIEW_NEEDED,
  /** A task waits in a group's queue (to the group's members). */
  NEW_GROUP_TASK
}
