package com.complaintdesk.retention;

import com.complaintdesk.complaint.Actor;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.improvement.ComplaintKeywords;
import com.complaintdesk.intake.IdempotentSubmissions;
import com.complaintdesk.notification.NotificationOutbox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anonymises closed complaints (CLOSED, WITHDRAWN, DUPLICATE) once their retention periods have passed:
 * first the contact details, with the messages sent to that address and the idempotency record of the
 * submission; later the texts people wrote, in the complaint, its timeline and the staff messages. What is
 * left (tracking number, channel, classification, dates, deadlines, breaches, satisfaction score) keeps the
 * reports right and names nobody. A non-public timeline entry records each step.
 *
 * <p>Safe on a cluster: every node runs it on its schedule, and each update touches only a complaint that is
 * still due, so a complaint is anonymised, and its entry written, once. One transaction per batch.
 *
 * <p>The engine holds some of the same texts as process variables (subject, description, raw text, plan,
 * progress notes, survey comment), never contact details. The engine's history cleanup removes them with the
 * finished process instance at the models' historyTimeToLive (P730D, removal-time based, in the cleanup
 * window configured in application.yaml), which is why complaint-texts-after defaults to the same period.
 */
@Component
public class AnonymiseClosedComplaints {

  private static final Logger log = LoggerFactory.getLogger(AnonymiseClosedComplaints.class);
  private static final List<String> CLOSED = Arrays.stream(ComplaintStatus.values())
      .filter(ComplaintStatus::isFinal).map(Enum::name).toList();

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Timeline timeline;
  private final NotificationOutbox outbox;
  private final IdempotentSubmissions idempotentSubmissions;
  private final RetentionProperties properties;
  private final ComplaintKeywords keywords;

  public AnonymiseClosedComplaints(JdbcClient jdbc, TransactionTemplate transactions, Timeline timeline,
      NotificationOutbox outbox, IdempotentSubmissions idempotentSubmissions, RetentionProperties properties,
      ComplaintKeywords keywords) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.timeline = timeline;
    this.outbox = outbox;
    this.idempotentSubmissions = idempotentSubmissions;
    this.properties = properties;
    this.keywords = keywords;
  }

  /** How many complaints lost their contact details, and how many their texts, in one run. */
  public record Anonymised(int contactDetails, int texts) {
  }

  @Scheduled(cron = "${complaint-desk.retention.schedule:" + RetentionProperties.DEFAULT_SCHEDULE + "}")
  void onSchedule() {
    anonymiseDue();
  }

  /** Anonymises what is due now (the engine clock's now, so that tests can move it). */
  public Anonymised anonymiseDue() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int contactDetails = inBatches(Step.CONTACT_DETAILS, now.minus(properties.contactDetailsAfter()), now);
    int texts = inBatches(Step.TEXTS, now.minus(properties.complaintTextsAfter()), now);
    if (contactDetails + texts > 0) {
      log.info("Retention: erased the contact details of {} and the texts of {} closed complaint(s)", contactDetails,
          texts);
    }
    return new Anonymised(contactDetails, texts);
  }

  private enum Step {
    CONTACT_DETAILS("contact_erased_at"), TEXTS("texts_erased_at");

    final String erasedAtColumn;

    Step(String erasedAtColumn) {
      this.erasedAtColumn = erasedAtColumn;
    }
  }

  private int inBatches(Step step, Instant closedBefore, Instant now) {
    int erased = 0;
    while (true) {
      List<Long> due = due(step, closedBefore);
      int inBatch = transactions.execute(status -> {
        int count = 0;
        for (long complaintId : due) {
          if (step == Step.CONTACT_DETAILS ? eraseContactDetails(complaintId, now) : eraseTexts(complaintId, now)) {
            count++;
          }
        }
        return count;
      });
      erased += inBatch;
      // a batch that found nothing left to do means another node is working through the same complaints
      if (due.size() < properties.batchSize() || inBatch == 0) {
        return erased;
      }
    }
  }

  private List<Long> due(Step step, Instant closedBefore) {
    return jdbc.sql("select id from complaint where status in (:closed) and closed_at <= :closedBefore and "
            + step.erasedAtColumn + " is null order by closed_at, id limit :limit")
        .param("closed", CLOSED)
        .param("closedBefore", Timestamp.from(closedBefore))
        .param("limit", properties.batchSize())
        .query(Long.class)
        .list();
  }

  private boolean eraseContactDetails(long complaintId, Instant now) {
    int updated = jdbc.sql("""
            update complaint set contact_name = null, contact_email = null, contact_phone = null,
              contact_email_key = null, contact_phone_key = null, contact_erased_at = :now, updated_at = :now
            where id = :id and contact_erased_at is null
            """)
        .param("now", Timestamp.from(now))
        .param("id", complaintId)
        .update();
    if (updated == 0) {
      return false; // another node was first
    }
    outbox.eraseMessagesToComplainant(complaintId);
    idempotentSubmissions.forget(complaintId);
    timeline.record(complaintId, TimelineEventType.CONTACT_DETAILS_ERASED, null, Actor.SYSTEM);
    return true;
  }

  private boolean eraseTexts(long complaintId, Instant now) {
    int updated = jdbc.sql("""
            update complaint set subject = null, description = null, raw_text = null, plan = null, measures = null,
              effect = null, result_reply = null, satisfaction_comment = null, closing_note = null, texts_erased_at = :now,
              updated_at = :now
            where id = :id and texts_erased_at is null
            """)
        .param("now", Timestamp.from(now))
        .param("id", complaintId)
        .update();
    if (updated == 0) {
      return false;
    }
    timeline.eraseDetails(complaintId);
    outbox.eraseTexts(complaintId);
    keywords.erase(complaintId);
    timeline.record(complaintId, TimelineEventType.COMPLAINT_TEXTS_ERASED, null, Actor.SYSTEM);
    return true;
  }
}
