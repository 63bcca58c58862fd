package com.complaintdesk.similarity;

import com.complaintdesk.complaint.ComplaintStatus;
import java.time.Instant;

/**
 * What the index keeps of a complaint: its text, and its category and department once they are settled (triage
 * classified it, or the department took it on by naming a handler), which is what the suggestion learns from.
 */
record IndexedComplaint(long id, String trackingNumber, ComplaintStatus status, String text, String settledCategory,
    String settledDepartment, Instant updatedAt) {

  /** Complaints without a text (erased by retention) and linked repeats of another one are not indexed. */
  boolean indexable() {
    return text != null && !text.isBlank() && status != ComplaintStatus.DUPLICATE;
  }

  boolean settled() {
    return settledCategory != null && settledDepartment != null;
  }
}
