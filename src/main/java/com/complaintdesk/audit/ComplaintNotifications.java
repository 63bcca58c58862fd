package com.complaintdesk.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The messages of the outbox about one complaint. A complainant's address is not read: the page says "the
 * complainant". A staff recipient is a user or group id, which is what an audit needs (who was told), not an
 * address. Delivery errors are left out too, since a mail server's answer may quote the address.
 */
@Component
class ComplaintNotifications {

  /** One message: what, to whom, and how its delivery went. */
  record SentNotification(long id, String template, String recipientKind, String staffRecipient, String state,
      int attempts, Instant createdAt, Instant sentAt) {

    /** "Response deadline breached" for RESPONSE_DEADLINE_BREACHED. */
    public String templateLabel() {
      return Wording.words(template);
    }

    public String recipientLabel() {
      return switch (recipientKind) {
        case "COMPLAINANT" -> "the complainant";
        case "STAFF_GROUP" -> "group " + staffRecipient;
        default -> "user " + staffRecipient;
      };
    }

    public String stateLabel() {
      return state.toLowerCase(Locale.ROOT);
    }
  }

  private final JdbcClient jdbc;

  ComplaintNotifications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<SentNotification> of(long complaintId) {
    return jdbc.sql("""
            select id, template, recipient_kind, case when recipient_kind = 'COMPLAINANT' then null else recipient end
              as staff_recipient, state, attempts, created_at, sent_at
            from notification where complaint_id = :complaintId order by created_at, id
            """)
        .param("complaintId", complaintId)
        .query((rs, row) -> new SentNotification(rs.getLong("id"), rs.getString("template"),
            rs.getString("recipient_kind"), rs.getString("staff_recipient"), rs.getString("state"),
            rs.getInt("attempts"), AuditedComplaints.instant(rs, "created_at"),
            AuditedComplaints.instant(rs, "sent_at")))
        .list();
  }
}
