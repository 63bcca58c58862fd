package com.complaintdesk.complaint;

import java.time.Instant;

/** A complaint as our tables hold it: the business record behind one process instance. */
public record Complaint(
    long id,
    String trackingNumber,
    String accessToken,
    Channel channel,
    Instant receivedAt,
    Instant loggedAt,
    String locale,
    String subject,
    String description,
    String rawText,
    String declaredType,
    String affectedUsers,
    Contact contact,
    String category,
    String priority,
    String department,
    String handler,
    ComplaintStatus status,
    Instant loggingDueAt,
    Instant responseDueAt,
    String plan,
    String measures,
    String effect,
    Boolean goalMet,
    String resultReply,
    Integer satisfaction,
    String satisfactionComment,
    int reopenCount,
    String duplicateOf,
    String closingNote,
    String processInstanceId,
    Instant createdAt,
    Instant closedAt) {

  /** Ids and state only: the contact details, the access token and the texts stay out of log lines. */
  @Override
  public String toString() {
    return "Complaint[id=" + id + ", trackingNumber=" + trackingNumber + ", status=" + status + "]";
  }
}
