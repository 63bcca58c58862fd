package com.complaintdesk.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the staff outbox page shows: the queued and sent notifications, newest first. */
@Component
class OutboxEntries {

  /** One line of the outbox list. */
  record Entry(long id, String trackingNumber, NotificationTemplate template, RecipientKind recipientKind,
      String recipient, NotificationState state, int attempts, Instant createdAt, Instant sentAt, String lastError) {

    /** "Response deadline breached" for RESPONSE_DEADLINE_BREACHED. */
    public String templateLabel() {
      String words = template.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
      return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
  }

  private static final String SELECT = """
      select n.id, c.tracking_number, n.template, n.recipient_kind, n.recipient, n.state, n.attempts, n.created_at,
        n.sent_at, n.last_error
      from notification n left join complaint c on c.id = n.complaint_id
      """;

  private final JdbcClient jdbc;

  OutboxEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Entry> newest(int offset, int limit) {
    return jdbc.sql(SELECT + " order by n.id desc offset :offset rows fetch next :limit rows only")
        .param("offset", offset)
        .param("limit", limit)
        .query(OutboxEntries::entry)
        .list();
  }

  Optional<Entry> find(long id) {
    return jdbc.sql(SELECT + " where n.id = :id").param("id", id).query(OutboxEntries::entry).optional();
  }

  /** The notification itself, to render it as its reader sees it. */
  Optional<Notification> notification(long id) {
    return jdbc.sql("select * from notification where id = :id").param("id", id)
        .query((rs, row) -> NotificationDispatcher.map(rs))
        .optional();
  }

  private static Entry entry(ResultSet rs, int row) throws SQLException {
    return new Entry(rs.getLong("id"), rs.getString("tracking_number"),
        NotificationTemplate.valueOf(rs.getString("template")), RecipientKind.valueOf(rs.getString("recipient_kind")),
        rs.getString("recipient"), NotificationState.valueOf(rs.getString("state")), rs.getInt("attempts"),
        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")), rs.getString("last_error"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
