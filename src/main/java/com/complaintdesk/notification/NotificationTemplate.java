package com.complaintdesk.notification;

/**
 * The messages we send, to complainants and to staff. Each has the templates
 * {@code templates/mail/<name-in-kebab-case>.html} and {@code .txt}, its texts in {@code mail*.properties}.
 */
public enum NotificationTemplate {
  // to the complainant
  ACKNOWLEDGEMENT,
  PROGRESS_NOTE,
  RESULT_WITH_SURVEY,
  REOPENED,
  CLOSED,
  WITHDRAWN,
  DUPLICATE,
  /** A repeated submission joined the complainant's open complaint at intake. */
  LINKED_TO_OPEN_COMPLAINT,
  /** The handler asks the complainant a question (payload: question, statusUrl). */
  QUESTION_FOR_USER,
  /** The question is still open after the answer wait (payload: question, statusUrl). */
  QUESTION_REMINDER,
  /** The improvement the complaint is part of is in place; only to those who asked on the status page. */
  IMPROVEMENT_IN_PLACE,
  // to staff
  CLASSIFIED_FOR_INFORMATION,
  LOGGING_DEADLINE_ESCALATION,
  RESPONSE_REMINDER,
  RESPONSE_DEADLINE_BREACHED,
  FINAL_REVIEW_NEEDED,
  /** A task waits in a group's queue (to the group's members). */
  NEW_GROUP_TASK,
  /** The complainant answered one of our mails (to whoever handles the complaint now). */
  USER_REPLIED,
  // to staff, about an improvement action (payload trackingNumber = its reference)
  IMPROVEMENT_ACTION_STARTED,
  IMPROVEMENT_REMINDER,
  IMPROVEMENT_OVERDUE;

  /** Whether the message goes to the complainant, in their language and with their status link, not to staff. */
  public boolean toComplainant() {
    return NotificationMessages.TO_COMPLAINANT.contains(this);
  }
}
