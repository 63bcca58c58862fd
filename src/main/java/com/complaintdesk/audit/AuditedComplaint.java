package com.complaintdesk.audit;

import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintStatus;
import java.time.Instant;
import java.util.List;

/**
 * A complaint as its auditor sees it: the facts and the texts, never the contact details or the access token
 * (they are not even read). Texts erased by retention are null, and {@code textsErasedAt} says since when.
 */
record AuditedComplaint(
    long id,
    String trackingNumber,
    Channel channel,
    Instant receivedAt,
    Instant loggedAt,
    ComplaintStatus status,
    String declaredType,
    String affectedUsers,
    String category,
    String priority,
    String department,
    String handler,
    Instant loggingDueAt,
    Instant responseDueAt,
    int reopenCount,
    Integer satisfaction,
    Boolean goalMet,
    String duplicateOf,
    String processInstanceId,
    Instant closedAt,
    Instant contactErasedAt,
    Instant textsErasedAt,
    List<Text> texts) {

  /** One of the texts people wrote (subject, description, plan ...), null when never written or erased. */
  record Text(String label, String value) {
  }

  public boolean textsErased() {
    return textsErasedAt != null;
  }
}
