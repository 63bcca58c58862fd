package com.complaintdesk.audit;

import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintStatus;
import java.time.Instant;
import java.util.List;

/**
 * A complaint as the "Complaint" tab in Cockpit shows it beside its process instance: its facts and deadlines
 * from our tables, the deadlines it missed, its timeline, and the path of its audit page. No texts and no contact
 * details: the audit page has the texts, and nobody's address belongs in Cockpit.
 */
record CockpitComplaint(String trackingNumber, ComplaintStatus status, Channel channel, String category,
    String priority, String department, String handler, Instant receivedAt, Instant loggedAt, Instant closedAt,
    int reopenCount, Integer satisfaction, Boolean goalMet, String duplicateOf, Instant loggingDueAt,
    Instant responseDueAt, List<DeadlineBreaches.Breach> breaches, List<Entry> timeline, String auditPage) {

  /** A timeline entry: {@code type} is the code (the plugin translates it), {@code label} its English words. */
  record Entry(Instant at, String type, String label, ComplaintStatus status, String actor, String detail,
      boolean internal, boolean breach) {
  }
}
