package com.complaintdesk.analytics;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.TimelineEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the reports count of one complaint: its routing values as they are now, when it first reached each
 * stage, whether a deadline was missed, and the user's verdict. Derived from the complaint row and its timeline,
 * one event at a time.
 */
record ComplaintFact(
    long complaintId,
    Instant receivedAt,
    String channel,
    String declaredType,
    String category,
    String priority,
    String department,
    String handler,
    String status,
    Instant loggedAt,
    Instant assignedAt,
    Instant plannedAt,
    Instant resolvedAt,
    Instant closedAt,
    Instant loggingDueAt,
    Instant responseDueAt,
    boolean loggingBreached,
    boolean responseBreached,
    Integer satisfaction,
    int reopenCount,
    boolean userNotReached) {

  /** A complaint's first fact, before any event. */
  static ComplaintFact of(Complaint complaint) {
    return new ComplaintFact(complaint.id(), complaint.receivedAt(), complaint.channel().name(), null, null, null,
        null, null, complaint.status().name(), null, null, null, null, null, null, null, false, false, null, 0, false);
  }

  /** The fact after an event of the timeline: routing values from the complaint row, stage times from the event. */
  ComplaintFact after(Complaint now, TimelineEventType event, Instant at) {
    return new ComplaintFact(complaintId, now.receivedAt(), now.channel().name(), now.declaredType(), now.category(),
        now.priority(), now.department(), now.handler(), now.status().name(),
        now.loggedAt() != null ? now.loggedAt() : loggedAt,
        first(assignedAt, event == TimelineEventType.HANDLER_ASSIGNED, at),
        first(plannedAt, event == TimelineEventType.PLAN_PROPOSED, at),
        first(resolvedAt, event == TimelineEventType.RESOLVED, at),
        closedAt(now.status(), at),
        now.loggingDueAt(), now.responseDueAt(),
        loggingBreached || event == TimelineEventType.LOGGING_DEADLINE_BREACHED,
        responseBreached || event == TimelineEventType.RESPONSE_DEADLINE_BREACHED,
        now.satisfaction(), now.reopenCount(),
        userNotReached || event == TimelineEventType.USER_NOT_REACHED);
  }

  private static Instant first(Instant reached, boolean reachedNow, Instant at) {
    return reached == null && reachedNow ? at : reached;
  }

  // A complaint ends when its status becomes final; a linked submission that triage unlinks starts again.
  private Instant closedAt(ComplaintStatus now, Instant at) {
    if (!now.isFinal()) {
      return null;
    }
    return closedAt != null ? closedAt : at;
  }

  LocalDate receivedDay() {
    return receivedAt.atZone(ZoneOffset.UTC).toLocalDate();
  }

  Long logSeconds() {
    return seconds(receivedAt, loggedAt);
  }

  Long assignSeconds() {
    return seconds(loggedAt, assignedAt);
  }

  Long planSeconds() {
    return seconds(assignedAt, plannedAt);
  }

  Long resolveSeconds() {
    return seconds(plannedAt, resolvedAt);
  }

  /** Only a complaint that was resolved and then closed has this stage (not a withdrawn or duplicate one). */
  Long closeSeconds() {
    return ComplaintStatus.CLOSED.name().equals(status) ? seconds(resolvedAt, closedAt) : null;
  }

  private static Long seconds(Instant from, Instant to) {
    return from == null || to == null ? null : Duration.between(from, to).toSeconds();
  }
}
