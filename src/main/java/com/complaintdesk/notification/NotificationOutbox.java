package com.complaintdesk.notification;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.Department;
import com.complaintdesk.security.StaffGroups;
import com.complaintdesk.intake.StatusPage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues notifications in the outbox table, in the caller's transaction: the message exists exactly when
 * the step that caused it committed. Delivery happens later ({@link NotificationDispatcher}).
 */
@Component
public class NotificationOutbox {

  /** The recipient of a message to a complainant whose contact details were erased. */
  public static final String ERASED = "(erased)";

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final String publicBaseUrl;

  public NotificationOutbox(JdbcClient jdbc, ObjectMapper json,
      @Value("${complaint-desk.public-base-url}") String publicBaseUrl) {
    this.jdbc = jdbc;
    this.json = json;
    this.publicBaseUrl = publicBaseUrl;
  }

  /**
   * Queues a message to the complainant; a complaint without an email address (e.g. taken by phone) gets
   * none, and false says so.
   */
  public boolean toComplainant(Complaint complaint, NotificationTemplate template, Map<String, Object> details) {
    if (!complaint.contact().hasEmail()) {
      return false;
    }
    insert(complaint.id(), complaint.contact().email(), RecipientKind.COMPLAINANT, template, complaint.locale(),
        withStatusLink(complaint, details));
    return true;
  }

  public void toStaffGroups(Complaint complaint, List<String> groups, NotificationTemplate template,
      Map<String, Object> details) {
    groups.forEach(group -> insert(complaint.id(), group, RecipientKind.STAFF_GROUP, template, "en", staffDetails(complaint, details)));
  }

  /**
   * To whoever handles the complaint now: its handler once named, else its department's leads once routed,
   * else the intake agents (who log it).
   */
  public void toWhoeverHandles(Complaint complaint, NotificationTemplate template, Map<String, Object> details) {
    if (complaint.handler() != null) {
      toStaffUser(complaint, complaint.handler(), template, details);
    } else if (complaint.department() != null) {
      toStaffGroups(complaint, List.of(Department.leadsGroupOf(complaint.department())), template, details);
    } else {
      toStaffGroups(complaint, List.of(StaffGroups.INTAKE), template, details);
    }
  }

  public void toStaffUser(Complaint complaint, String userId, NotificationTemplate template,
      Map<String, Object> details) {
    insert(complaint.id(), userId, RecipientKind.STAFF_USER, template, "en", staffDetails(complaint, details));
  }

  /**
   * A message to staff about something other than one complaint, such as an improvement action: {@code reference}
   * stands where staff messages name the tracking number.
   */
  public void toStaff(String reference, List<String> groups, List<String> users, NotificationTemplate template,
      Map<String, Object> details) {
    var payload = new TreeMap<>(details);
    payload.put("trackingNumber", reference);
    payload.putIfAbsent("tasklistUrl", tasklistUrl());
    groups.forEach(group -> insert(null, group, RecipientKind.STAFF_GROUP, template, "en", payload));
    users.forEach(user -> insert(null, user, RecipientKind.STAFF_USER, template, "en", payload));
  }

  /**
   * Erases what the outbox holds of the complainant: the address and the messages sent to it (their texts and
   * private status link). A message still waiting for delivery is given up, since its address is gone.
   */
  public void eraseMessagesToComplainant(long complaintId) {
    jdbc.sql("""
            update notification set recipient = :erased, payload = '{}',
              last_error = case when state = :pending then :givenUp else null end,
              state = case when state = :pending then :failed else state end
            where complaint_id = :complaintId and recipient_kind = :complainant
            """)
        .param("erased", ERASED)
        .param("pending", NotificationState.PENDING.name())
        .param("givenUp", "Not delivered: the contact details were erased first")
        .param("failed", NotificationState.FAILED.name())
        .param("complaintId", complaintId)
        .param("complainant", RecipientKind.COMPLAINANT.name())
        .update();
  }

  /** Erases the texts of every message about the complaint (staff messages quote its subject). */
  public void eraseTexts(long complaintId) {
    jdbc.sql("update notification set payload = '{}' where complaint_id = :complaintId")
        .param("complaintId", complaintId)
        .update();
  }

  private Map<String, Object> withStatusLink(Complaint complaint, Map<String, Object> details) {
    var payload = commonDetails(complaint, details);
    payload.put("statusUrl", publicBaseUrl + StatusPage.link(complaint.trackingNumber(), complaint.accessToken(), null));
    return payload;
  }

  /** Staff messages lead to Tasklist: to the task itself where the caller names it, else to the task list. */
  private Map<String, Object> staffDetails(Complaint complaint, Map<String, Object> details) {
    var payload = commonDetails(complaint, details);
    payload.putIfAbsent("tasklistUrl", tasklistUrl());
    return payload;
  }

  /** Tasklist's address, for staff messages that lead to it. */
  private String tasklistUrl() {
    return publicBaseUrl + "/camunda/app/tasklist/default/";
  }

  /** Tasklist opened at one task. */
  String tasklistUrl(String taskId) {
    return tasklistUrl() + "#/?task=" + taskId;
  }

  /** What every message names: the tracking number and, where the complainant gave one, their subject. */
  private static Map<String, Object> commonDetails(Complaint complaint, Map<String, Object> details) {
    var payload = new TreeMap<>(details);
    payload.put("trackingNumber", complaint.trackingNumber());
    if (complaint.subject() != null) {
      payload.put("subject", complaint.subject());
    }
    return payload;
  }

  private void insert(Long complaintId, String recipient, RecipientKind kind, NotificationTemplate template,
      String locale, Map<String, Object> payload) {
    jdbc.sql("""
            insert into notification (complaint_id, recipient, recipient_kind, template, locale, payload, state,
              attempts, created_at, next_attempt_at)
            values (:complaintId, :recipient, :kind, :template, :locale, :payload, :state, 0, :now, :now)
            """)
        .param("complaintId", complaintId)
        .param("recipient", recipient)
        .param("kind", kind.name())
        .param("template", template.name())
        .param("locale", locale)
        .param("payload", write(payload))
        .param("state", NotificationState.PENDING.name())
        .param("now", new Timestamp(ClockUtil.getCurrentTime().getTime()))
        .update();
  }

  private String write(Map<String, Object> payload) {
    try {
      return json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Notification details must be plain JSON values: " + payload.keySet(), e);
    }
  }
}
