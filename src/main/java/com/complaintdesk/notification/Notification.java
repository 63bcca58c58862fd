package com.complaintdesk.notification;

import java.time.Instant;

/** One message in the outbox. */
public record Notification(long id, Long complaintId, String recipient, RecipientKind recipientKind,
    NotificationTemplate template, String locale, String payload, NotificationState state, int attempts,
    Instant createdAt, Instant sentAt) {

  /** Without the recipient's address and the text (which may carry a private status link). */
  @Override
  public String toString() {
    return "Notification[id=" + id + ", complaintId=" + complaintId + ", recipientKind=" + recipientKind
        + ", template=" + template + ", state=" + state + ", attempts=" + attempts + "]";
  }
}
