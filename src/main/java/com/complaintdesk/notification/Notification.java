package com.complaintdesk.notification;

import java.time.Instant;

/** One message in the outbox. */
public record Notification(long id, Long complaintId, String recipient, RecipientKind recipientKind,
    NotificationTemplate template, String locale, String payload, NotificationState state, int attempts,
    Instant createdAt, Instant sentAt) {
}
