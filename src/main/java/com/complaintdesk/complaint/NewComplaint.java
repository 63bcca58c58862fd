package com.complaintdesk.complaint;

import java.time.Instant;

/** What we know of a complaint when it arrives, before the process has touched it. */
public record NewComplaint(
    String trackingNumber,
    String accessToken,
    Channel channel,
    Instant receivedAt,
    String locale,
    String subject,
    String description,
    String rawText,
    String declaredType,
    String affectedUsers,
    Contact contact,
    Instant loggingDueAt) {
}
