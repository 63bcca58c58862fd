package com.complaintdesk.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The complaint table. It shares the engine's data source and transaction manager, so every write here
 * commits or rolls back together with the engine step that caused it.
 */
@Repository
public class ComplaintRepository {

  private final JdbcClient jdbc;

  public ComplaintRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(NewComplaint complaint, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into complaint (tracking_number, access_token, channel, received_at, locale, subject,
              description, raw_text, declared_type, affected_users, contact_name, contact_email, contact_phone,
              contact_email_key, contact_phone_key, status, logging_due_at, reopen_count, created_at, updated_at)
            values (:trackingNumber, :accessToken, :channel, :receivedAt, :locale, :subject,
              :description, :rawText, :declaredType, :affectedUsers, :contactName, :contactEmail, :contactPhone,
              :contactEmailKey, :contactPhoneKey, :status, :loggingDueAt, 0, :now, :now)
            """)
        .param("trackingNumber", complaint.trackingNumber())
        .param("accessToken", complaint.accessToken())
        .param("channel", complaint.channel().name())
        .param("receivedAt", timestamp(complaint.receivedAt()))
        .param("locale", complaint.locale())
        .param("subject", complaint.subject())
        .param("description", complaint.description())
        .param("rawText", complaint.rawText())
        .param("declaredType", complaint.declaredType())
        .param("affectedUsers", complaint.affectedUsers())
        .param("contactName", complaint.contact().name())
        .param("contactEmail", complaint.contact().email())
        .param("contactPhone", complaint.contact().phone())
        .param("contactEmailKey", SameContact.email(complaint.contact()))
        .param("contactPhoneKey", SameContact.phoneKey(complaint.contact()))
        .param("status", ComplaintStatus.RECEIVED.name())
        .param("loggingDueAt", timestamp(complaint.loggingDueAt()))
        .param("now", timestamp(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<Complaint> findByTrackingNumber(String trackingNumber) {
    return jdbc.sql("select * from complaint where tracking_number = :trackingNumber")
        .param("trackingNumber", trackingNumber)
        .query(ComplaintRepository::map)
        .optional();
  }

  public Optional<Complaint> findById(long id) {
    return jdbc.sql("select * from complaint where id = :id").param("id", id).query(ComplaintRepository::map).optional();
  }

  /**
   * Open complaints (not CLOSED, WITHDRAWN or DUPLICATE) received since the given time that may come from the
   * given contact: the same email key or phone key ({@link SameContact}), each found by its index; the caller
   * compares the whole contact. The candidates a new submission may repeat.
   */
  public List<Complaint> findOpenReceivedSince(Instant since, Contact contact) {
    return jdbc.sql("""
            select * from complaint
            where contact_email_key = :email and received_at >= :since and status in (:open)
            union
            select * from complaint
            where contact_phone_key = :phone and received_at >= :since and status in (:open)
            order by received_at, id
            """)
        .param("open", Arrays.stream(ComplaintStatus.values()).filter(status -> !status.isFinal()).map(Enum::name)
            .toList())
        .param("since", timestamp(since))
        .param("email", SameContact.email(contact))
        .param("phone", SameContact.phoneKey(contact))
        .query(ComplaintRepository::map)
        .list();
  }

  public Complaint get(String trackingNumber) {
    return findByTrackingNumber(trackingNumber).orElseThrow(() -> new IllegalStateException(
        "No complaint " + trackingNumber + " in the complaint table, although the engine refers to it"));
  }

  public void linkProcessInstance(long complaintId, String processInstanceId) {
    update(complaintId, "process_instance_id = :value", processInstanceId);
  }

  public void recordLogged(long complaintId, LoggedContent content, Instant loggedAt) {
    jdbc.sql("""
            update complaint set subject = :subject, description = :description, declared_type = :declaredType,
              affected_users = :affectedUsers, logged_at = :loggedAt where id = :id
            """)
        .param("subject", content.subject())
        .param("description", content.description())
        .param("declaredType", content.declaredType())
        .param("affectedUsers", content.affectedUsers())
        .param("loggedAt", timestamp(loggedAt))
        .param("id", complaintId)
        .update();
  }

  public void recordClassification(long complaintId, String category, String priority, String department) {
    jdbc.sql("update complaint set category = :category, priority = :priority, department = :department where id = :id")
        .param("category", category)
        .param("priority", priority)
        .param("department", department)
        .param("id", complaintId)
        .update();
  }

  /**
   * The complaint's classification is settled: triage decided it, or the department took the complaint on. The
   * suggestion learns from settled classifications only (the first settling counts).
   */
  public void recordClassificationSettled(long complaintId, Instant now) {
    update(complaintId, "classification_settled_at = coalesce(classification_settled_at, :value)", timestamp(now));
  }

  public void recordResponseDeadline(long complaintId, Instant dueAt) {
    update(complaintId, "response_due_at = :value", timestamp(dueAt));
  }

  public void recordHandler(long complaintId, String handler) {
    update(complaintId, "handler = :value", handler);
  }

  public void recordPlan(long complaintId, String plan) {
    update(complaintId, "plan = :value", plan);
  }

  /** @param resultReply the message that goes to the user with the result (null: none) */
  public void recordResult(long complaintId, String measures, String effect, boolean goalMet, String resultReply) {
    jdbc.sql("""
            update complaint set measures = :measures, effect = :effect, goal_met = :goalMet, result_reply = :reply
            where id = :id
            """)
        .param("measures", measures)
        .param("effect", effect)
        .param("goalMet", goalMet)
        .param("reply", resultReply)
        .param("id", complaintId)
        .update();
  }

  public void recordSatisfaction(long complaintId, Integer satisfaction, String comment) {
    jdbc.sql("update complaint set satisfaction = :satisfaction, satisfaction_comment = :comment where id = :id")
        .param("satisfaction", satisfaction)
        .param("comment", comment)
        .param("id", complaintId)
        .update();
  }

  public void recordReopened(long complaintId, int reopenCount) {
    update(complaintId, "reopen_count = :value", reopenCount);
  }

  public void recordDuplicateOf(long complaintId, String originalTrackingNumber) {
    update(complaintId, "duplicate_of = :value", originalTrackingNumber);
  }

  /**
   * A submission linked at intake is its own complaint again: no longer a duplicate nor closed (so retention
   * leaves it alone), with the logging deadline that now applies. False if it is not (or no longer) linked: of
   * two concurrent unlinks, the second waits for the first one's row lock and then finds nothing to unlink.
   */
  public boolean recordUnlinked(long complaintId, Instant loggingDueAt) {
    return jdbc.sql("""
            update complaint set duplicate_of = null, closed_at = null, logging_due_at = :loggingDueAt
            where id = :id and duplicate_of is not null and process_instance_id is null
            """)
        .param("loggingDueAt", timestamp(loggingDueAt))
        .param("id", complaintId)
        .update() == 1;
  }

  public void recordClosingNote(long complaintId, String closingNote) {
    update(complaintId, "closing_note = :value", closingNote);
  }

  void recordStatus(long complaintId, ComplaintStatus status, Instant now) {
    jdbc.sql("update complaint set status = :status, updated_at = :now" + (status.isFinal() ? ", closed_at = :now" : "")
            + " where id = :id")
        .param("status", status.name())
        .param("now", timestamp(now))
        .param("id", complaintId)
        .update();
  }

  private void update(long complaintId, String assignment, Object value) {
    jdbc.sql("update complaint set " + assignment + " where id = :id")
        .param("value", value)
        .param("id", complaintId)
        .update();
  }

  static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Complaint map(ResultSet rs, int row) throws SQLException {
    return new Complaint(
        rs.getLong("id"),
        rs.getString("tracking_number"),
        rs.getString("access_token"),
        Channel.valueOf(rs.getString("channel")),
        instant(rs, "received_at"),
        instant(rs, "logged_at"),
        rs.getString("locale"),
        rs.getString("subject"),
        rs.getString("description"),
        rs.getString("raw_text"),
        rs.getString("declared_type"),
        rs.getString("affected_users"),
        new Contact(rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("contact_phone")),
        rs.getString("category"),
        rs.getString("priority"),
        rs.getString("department"),
        rs.getString("handler"),
        ComplaintStatus.valueOf(rs.getString("status")),
        instant(rs, "logging_due_at"),
        instant(rs, "response_due_at"),
        rs.getString("plan"),
        rs.getString("measures"),
        rs.getString("effect"),
        (Boolean) rs.getObject("goal_met"),
        rs.getString("result_reply"),
        (Integer) rs.getObject("satisfaction"),
        rs.getString("satisfaction_comment"),
        rs.getInt("reopen_count"),
        rs.getString("duplicate_of"),
        rs.getString("closing_note"),
        rs.getString("process_instance_id"),
        instant(rs, "created_at"),
        instant(rs, "closed_at"));
  }
}
