package com.complaintdesk.notification;

public enum NotificationState {
  /** Written with the step that caused it; not yet delivered. */
  PENDING,
  /** Handed to the sender (the local outbox or the mail server). */
  SENT,
  /** Delivery failed more often than allowed; staff must look at it. */
  FAILED
}
