package com.complaintdesk.analytics;

import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.TimelineRecorded;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the reports' table complaint_fact in step with the timeline: each entry refreshes its complaint's row, in
 * the transaction that wrote the entry, so a report never counts a step that was rolled back. A value written
 * without an entry of its own (the response deadline, computed as the department stage starts) reaches the fact
 * with the next entry (the handler's assignment), before any figure needs it.
 */
@Component
class ComplaintFacts {

  private final JdbcClient jdbc;
  private final ComplaintRepository complaints;

  ComplaintFacts(JdbcClient jdbc, ComplaintRepository complaints) {
    this.jdbc = jdbc;
    this.complaints = complaints;
  }

  @EventListener
  void on(TimelineRecorded entry) {
    var complaint = complaints.findById(entry.complaintId()).orElseThrow();
    Optional<ComplaintFact> known = find(entry.complaintId());
    save(known.orElseGet(() -> ComplaintFact.of(complaint)).after(complaint, entry.type(), entry.occurredAt()),
        known.isPresent());
  }

  void save(ComplaintFact fact, boolean known) {
    if (known) {
      update(fact);
    } else {
      insert(fact);
    }
  }

  Optional<ComplaintFact> find(long complaintId) {
    return jdbc.sql("select * from complaint_fact where complaint_id = :id").param("id", complaintId)
        .query(ComplaintFacts::map).optional();
  }

  private void insert(ComplaintFact fact) {
    jdbc.sql("""
            insert into complaint_fact (complaint_id, received_at, received_day, channel, declared_type, category,
                priority, department, handler, status, logged_at, assigned_at, planned_at, resolved_at, closed_at,
                logging_due_at, response_due_at, logging_breached, response_breached, log_seconds, assign_seconds,
                plan_seconds, resolve_seconds, close_seconds, satisfaction, reopen_count, user_not_reached)
            values (:complaintId, :receivedAt, :receivedDay, :channel, :declaredType, :category, :priority,
                :department, :handler, :status, :loggedAt, :assignedAt, :plannedAt, :resolvedAt, :closedAt,
                :loggingDueAt, :responseDueAt, :loggingBreached, :responseBreached, :logSeconds, :assignSeconds,
                :planSeconds, :resolveSeconds, :closeSeconds, :satisfaction, :reopenCount, :userNotReached)
            """)
        .params(parameters(fact)).update();
  }

  private void update(ComplaintFact fact) {
    jdbc.sql("""
            update complaint_fact set received_at = :receivedAt, received_day = :receivedDay, channel = :channel,
                declared_type = :declaredType, category = :category, priority = :priority, department = :department,
                handler = :handler, status = :status, logged_at = :loggedAt, assigned_at = :assignedAt,
                planned_at = :plannedAt, resolved_at = :resolvedAt, closed_at = :closedAt,
                logging_due_at = :loggingDueAt, response_due_at = :responseDueAt,
                logging_breached = :loggingBreached, response_breached = :responseBreached,
                log_seconds = :logSeconds, assign_seconds = :assignSeconds, plan_seconds = :planSeconds,
                resolve_seconds = :resolveSeconds, close_seconds = :closeSeconds, satisfaction = :satisfaction,
                reopen_count = :reopenCount, user_not_reached = :userNotReached, summary_pending = true
            where complaint_id = :complaintId
            """)
        .params(parameters(fact)).update();
  }

  private static Map<String, Object> parameters(ComplaintFact fact) {
    var parameters = new HashMap<String, Object>();
    parameters.put("complaintId", fact.complaintId());
    parameters.put("receivedAt", timestamp(fact.receivedAt()));
    parameters.put("receivedDay", fact.receivedDay());
    parameters.put("channel", fact.channel());
    parameters.put("declaredType", fact.declaredType());
    parameters.put("category", fact.category());
    parameters.put("priority", fact.priority());
    parameters.put("department", fact.department());
    parameters.put("handler", fact.handler());
    parameters.put("status", fact.status());
    parameters.put("loggedAt", timestamp(fact.loggedAt()));
    parameters.put("assignedAt", timestamp(fact.assignedAt()));
    parameters.put("plannedAt", timestamp(fact.plannedAt()));
    parameters.put("resolvedAt", timestamp(fact.resolvedAt()));
    parameters.put("closedAt", timestamp(fact.closedAt()));
    parameters.put("loggingDueAt", timestamp(fact.loggingDueAt()));
    parameters.put("responseDueAt", timestamp(fact.responseDueAt()));
    parameters.put("loggingBreached", fact.loggingBreached());
    parameters.put("responseBreached", fact.responseBreached());
    parameters.put("logSeconds", fact.logSeconds());
    parameters.put("assignSeconds", fact.assignSeconds());
    parameters.put("planSeconds", fact.planSeconds());
    parameters.put("resolveSeconds", fact.resolveSeconds());
    parameters.put("closeSeconds", fact.closeSeconds());
    parameters.put("satisfaction", fact.satisfaction());
    parameters.put("reopenCount", fact.reopenCount());
    parameters.put("userNotReached", fact.userNotReached());
    return parameters;
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static ComplaintFact map(ResultSet rs, int row) throws SQLException {
    return new ComplaintFact(rs.getLong("complaint_id"), instant(rs, "received_at"), rs.getString("channel"),
        rs.getString("declared_type"), rs.getString("category"), rs.getString("priority"), rs.getString("department"),
        rs.getString("handler"), rs.getString("status"), instant(rs, "logged_at"), instant(rs, "assigned_at"),
        instant(rs, "planned_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"), instant(rs, "logging_due_at"),
        instant(rs, "response_due_at"), rs.getBoolean("logging_breached"), rs.getBoolean("response_breached"),
        (Integer) rs.getObject("satisfaction", Integer.class), rs.getInt("reopen_count"),
        rs.getBoolean("user_not_reached"));
  }
}
