package com.complaintdesk.intake.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The webhook messages taken so far, by channel and the sender's message id (table channel_message). */
@Component
class ChannelMessages {

  /** What a message did. */
  enum Outcome {
    COMPLAINT_CREATED, SURVEY_ANSWERED
  }

  /** A message taken earlier, and what it did to which complaint. */
  record Taken(Outcome outcome, long complaintId) {
  }

  private final JdbcClient jdbc;

  ChannelMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims the message id before anything else happens in the transaction: a concurrent delivery of the same
   * message waits here for this transaction and then fails on the primary key.
   */
  void claim(ChannelWebhook webhook, String messageId, Instant now) {
    jdbc.sql("insert into channel_message (channel, message_id, received_at) values (:channel, :messageId, :now)")
        .param("channel", webhook.pathSegment())
        .param("messageId", messageId)
        .param("now", Timestamp.from(now))
        .update();
  }

  void recordOutcome(ChannelWebhook webhook, String messageId, Outcome outcome, long complaintId) {
    jdbc.sql("""
            update channel_message set outcome = :outcome, complaint_id = :complaintId
            where channel = :channel and message_id = :messageId
            """)
        .param("outcome", outcome.name())
        .param("complaintId", complaintId)
        .param("channel", webhook.pathSegment())
        .param("messageId", messageId)
        .update();
  }

  /** The committed earlier delivery of this message, if any. */
  Optional<Taken> find(ChannelWebhook webhook, String messageId) {
    return jdbc.sql("""
            select outcome, complaint_id from channel_message
            where channel = :channel and message_id = :messageId and outcome is not null
            """)
        .param("channel", webhook.pathSegment())
        .param("messageId", messageId)
        .query((rs, row) -> new Taken(Outcome.valueOf(rs.getString("outcome")), rs.getLong("complaint_id")))
        .optional();
  }
}
