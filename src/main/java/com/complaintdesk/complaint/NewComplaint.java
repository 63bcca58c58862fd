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

  /** Without the access token, the contact details and the texts, which must not reach a log line. */
  @Override
  public String toString() {
    return "NewComplaint[trackingNumber=" + trackingNumber + ", channel=" + channel + ", contact=" + contact + "]";
  }
}
