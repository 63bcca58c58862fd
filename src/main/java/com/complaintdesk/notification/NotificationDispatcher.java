package com.complaintdesk.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued notifications, each in its own transaction, retrying with a growing wait and giving up
 * after {@code max-attempts} with an incident on the complaint's process instance ({@link FailedNotifications}).
 *
 * <p>Why a scheduled dispatcher over the outbox table, and not an {@code asyncBefore} service task per message
 * in the model: messages are caused by many steps (delegates, task listeners, timers, the complainant's own
 * actions) and some outlive their process instance (the CLOSED message is queued by its last step), while a
 * Camunda job retries only as long as its instance runs. The outbox row is the asynchronous step: written in
 * the transaction of the step that caused it, delivered in a transaction of its own, so a slow or failing mail
 * server never holds up or rolls back the process; the process goes on to its next task meanwhile. One place
 * owns retries, staff read the same rows, and retention can erase an address before it is ever used.
 *
 * <p>At most one delivery at a time per notification: the row is locked ({@code for update skip locked}, so a
 * second dispatcher, on this node or another, passes over it instead of waiting) and must still be PENDING and
 * due. Never lost: the row becomes SENT only in the transaction that follows a successful send; a crash in
 * between leaves it PENDING, and it is sent again under the same Message-ID.
 */
@Component
public class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
  /** Notifications taken per run; the rest wait for the next one. */
  static final int BATCH = 500;
  private static final int ERROR_LENGTH = 2000;

  private final JdbcClient jdbc;
  private final NotificationSender sender;
  private final NotificationMessages messages;
  private final Recipients recipients;
  private final FailedNotifications failed;
  private final NotificationProperties properties;
  private final TransactionTemplate transactions;

  NotificationDispatcher(JdbcClient jdbc, NotificationSender sender, NotificationMessages messages,
      Recipients recipients, FailedNotifications failed, NotificationProperties properties,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.messages = messages;
    this.recipients = recipients;
    this.failed = failed;
    this.properties = properties;
    this.transactions = transactions;
  }

  /** The same dispatcher delivering through another sender (a test's failing mail server, a new channel). */
  public NotificationDispatcher withSender(NotificationSender other) {
    return new NotificationDispatcher(jdbc, other, messages, recipients, failed, properties, transactions);
  }

  @Scheduled(fixedDelayString = "${complaint-desk.notifications.dispatch-interval:PT5S}")
  public void dispatchPending() {
    dueIds().forEach(id -> transactions.executeWithoutResult(status -> deliver(id)));
  }

  private List<Long> dueIds() {
    return jdbc.sql("select id from notification where state = :pending and next_attempt_at <= :now order by id limit :batch")
        .param("pending", NotificationState.PENDING.name())
        .param("now", now())
        .param("batch", BATCH)
        .query(Long.class)
        .list();
  }

  private record Due(Notification notification, String messageId) {
  }

  private void deliver(long id) {
    Due due = lockIfStillDue(id).orElse(null);
    if (due == null) {
      return; // delivered meanwhile, or being delivered by another dispatcher
    }
    Notification notification = due.notification();
    Recipients.Resolved to;
    try {
      to = recipients.of(notification);
      if (!to.addresses().isEmpty()) {
        sender.send(new Delivery(notification, messages.render(notification), to.addresses(), due.messageId()));
      }
    } catch (RuntimeException e) {
      recordFailure(notification, due.messageId(), e);
      return;
    }
    jdbc.sql("""
            update notification set state = :sent, attempts = attempts + 1, sent_at = :now, message_id = :messageId,
              delivery_note = :note, last_error = null
            where id = :id
            """)
        .param("sent", NotificationState.SENT.name())
        .param("now", now())
        .param("messageId", due.messageId())
        .param("note", to.note())
        .param("id", id)
        .update();
  }

  private Optional<Due> lockIfStillDue(long id) {
    return jdbc.sql("""
            select * from notification where id = :id and state = :pending and next_attempt_at <= :now
            for update skip locked
            """)
        .param("id", id)
        .param("pending", NotificationState.PENDING.name())
        .param("now", now())
        .query((rs, row) -> new Due(map(rs), messageId(rs)))
        .optional();
  }

  private void recordFailure(Notification notification, String messageId, RuntimeException e) {
    int attempts = notification.attempts() + 1;
    boolean givenUp = attempts >= properties.maxAttempts();
    Instant nextAttempt = ClockUtil.getCurrentTime().toInstant().plus(properties.retryDelayAfter(attempts));
    // The error's text goes to the table only: a mail server's answer often quotes the recipient's address.
    log.warn("Delivery of notification {} ({}) failed on attempt {} of {} with {}; {}; its last_error says why",
        notification.id(), notification.template(), attempts, properties.maxAttempts(), e.getClass().getName(),
        givenUp ? "given up" : "next attempt at " + nextAttempt);
    jdbc.sql("""
            update notification set attempts = :attempts, last_error = :error, message_id = :messageId,
              next_attempt_at = :nextAttempt, state = :state
            where id = :id
            """)
        .param("attempts", attempts)
        .param("error", describe(e))
        .param("messageId", messageId)
        .param("nextAttempt", Timestamp.from(nextAttempt))
        .param("state", (givenUp ? NotificationState.FAILED : NotificationState.PENDING).name())
        .param("id", notification.id())
        .update();
    if (givenUp) {
      failed.raiseIncident(notification, attempts);
    }
  }

  private static String describe(RuntimeException e) {
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    return error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
  }

  /**
   * The Message-ID of every attempt: the one stored at the first attempt, else made from the id and the time
   * of queueing, both fixed when the row was written, so that a crash before anything was stored gives the same.
   * The time keeps ids unique when a new database starts counting from 1 again.
   */
  private static String messageId(ResultSet rs) throws SQLException {
    String stored = rs.getString("message_id");
    return stored != null ? stored
        : "<notification-" + rs.getLong("id") + "." + rs.getTimestamp("created_at").getTime() + "@complaint-desk>";
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  static Notification map(ResultSet rs) throws SQLException {
    Timestamp sentAt = rs.getTimestamp("sent_at");
    return new Notification(rs.getLong("id"), (Long) rs.getObject("complaint_id", Long.class),
        rs.getString("recipient"), RecipientKind.valueOf(rs.getString("recipient_kind")),
        NotificationTemplate.valueOf(rs.getString("template")), rs.getString("locale"), rs.getString("payload"),
        NotificationState.valueOf(rs.getString("state")), rs.getInt("attempts"),
        rs.getTimestamp("created_at").toInstant(), sentAt == null ? null : sentAt.toInstant());
  }
}
