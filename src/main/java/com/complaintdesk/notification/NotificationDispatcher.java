package com.complaintdesk.notification;

import java.sql.Timestamp;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued notifications, each in its own transaction. A scheduled dispatcher rather than an async
 * continuation in the process: a slow or failing mail server then never holds up or rolls back a process
 * step, and one place owns retries. The retry policy with backoff and incidents comes with the mail issue.
 */
@Component
public class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
  static final int MAX_ATTEMPTS = 5;

  private final JdbcClient jdbc;
  private final NotificationSender sender;
  private final TransactionTemplate transactions;

  public NotificationDispatcher(JdbcClient jdbc, NotificationSender sender, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.transactions = transactions;
  }

  @Scheduled(fixedDelayString = "${complaint-desk.notifications.dispatch-interval:PT5S}")
  public void dispatchPending() {
    pendingIds().forEach(id -> transactions.executeWithoutResult(status -> deliver(id)));
  }

  private List<Long> pendingIds() {
    return jdbc.sql("select id from notification where state = 'PENDING' order by id")
        .query(Long.class)
        .list();
  }

  private void deliver(long id) {
    Notification notification = jdbc.sql("select * from notification where id = :id and state = 'PENDING' for update")
        .param("id", id)
        .query(NotificationDispatcher::map)
        .optional()
        .orElse(null);
    if (notification == null) {
      return; // another node delivered it meanwhile
    }
    try {
      sender.send(notification);
      jdbc.sql("update notification set state = 'SENT', attempts = attempts + 1, sent_at = :now where id = :id")
          .param("now", new Timestamp(ClockUtil.getCurrentTime().getTime()))
          .param("id", id)
          .update();
    } catch (RuntimeException e) {
      // The error's text stays in the table: a mail server's answer often quotes the recipient's address.
      log.warn("Delivery of notification {} failed (attempt {}) with {}; its last_error says why", id,
          notification.attempts() + 1, e.getClass().getName());
      jdbc.sql("""
              update notification set attempts = attempts + 1, last_error = :error,
                state = case when attempts + 1 >= :max then 'FAILED' else state end
              where id = :id
              """)
          .param("error", String.valueOf(e.getMessage()))
          .param("max", MAX_ATTEMPTS)
          .param("id", id)
          .update();
    }
  }

  private static Notification map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Timestamp sentAt = rs.getTimestamp("sent_at");
    return new Notification(rs.getLong("id"), (Long) rs.getObject("complaint_id", Long.class),
        rs.getString("recipient"), RecipientKind.valueOf(rs.getString("recipient_kind")),
        NotificationTemplate.valueOf(rs.getString("template")), rs.getString("locale"), rs.getString("payload"),
        NotificationState.valueOf(rs.getString("state")), rs.getInt("attempts"),
        rs.getTimestamp("created_at").toInstant(), sentAt == null ? null : sentAt.toInstant());
  }
}
