package com.complaintdesk.audit;

import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a complaint for its audit page. The query names its columns, so that the contact details and the access
 * token never leave the database for this page, whatever a template might print.
 */
@Component
class AuditedComplaints {

  private final JdbcClient jdbc;

  AuditedComplaints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<AuditedComplaint> find(String trackingNumber) {
    return jdbc.sql("""
            select id, tracking_number, channel, received_at, logged_at, status, declared_type, affected_users,
              category, priority, department, handler, logging_due_at, response_due_at, reopen_count, satisfaction,
              goal_met, duplicate_of, process_instance_id, closed_at, contact_erased_at, texts_erased_at,
              subject, description, raw_text, plan, measures, effect, satisfaction_comment, closing_note
            from complaint where tracking_number = :trackingNumber
            """)
        .param("trackingNumber", trackingNumber)
        .query(AuditedComplaints::map)
        .optional();
  }

  private static AuditedComplaint map(ResultSet rs, int row) throws SQLException {
    var texts = List.of(
        new AuditedComplaint.Text("Subject", rs.getString("subject")),
        new AuditedComplaint.Text("Description", rs.getString("description")),
        new AuditedComplaint.Text("Text as received", rs.getString("raw_text")),
        new AuditedComplaint.Text("Handling plan", rs.getString("plan")),
        new AuditedComplaint.Text("Measures taken", rs.getString("measures")),
        new AuditedComplaint.Text("Effect", rs.getString("effect")),
        new AuditedComplaint.Text("Survey comment", rs.getString("satisfaction_comment")),
        new AuditedComplaint.Text("Closing note", rs.getString("closing_note")));
    return new AuditedComplaint(
        rs.getLong("id"),
        rs.getString("tracking_number"),
        Channel.valueOf(rs.getString("channel")),
        instant(rs, "received_at"),
        instant(rs, "logged_at"),
        ComplaintStatus.valueOf(rs.getString("status")),
        rs.getString("declared_type"),
        rs.getString("affected_users"),
        rs.getString("category"),
        rs.getString("priority"),
        rs.getString("department"),
        rs.getString("handler"),
        instant(rs, "logging_due_at"),
        instant(rs, "response_due_at"),
        rs.getInt("reopen_count"),
        (Integer) rs.getObject("satisfaction"),
        (Boolean) rs.getObject("goal_met"),
        rs.getString("duplicate_of"),
        rs.getString("process_instance_id"),
        instant(rs, "closed_at"),
        instant(rs, "contact_erased_at"),
        instant(rs, "texts_erased_at"),
        texts);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
