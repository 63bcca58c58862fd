package com.complaintdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Contact;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEvent;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.feedback.ComplainantActions;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.intake.IdempotentSubmissions;
import com.complaintdesk.notification.NotificationDispatcher;
import com.complaintdesk.notification.NotificationOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention policy on real complaints, with the engine clock moved past its periods: contact details of
 * a complaint closed long enough ago go first, its texts later; open and recently closed complaints keep
 * everything. The job runs on the shared database, so assertions look at this test's complaints only.
 */
@ComplaintDeskTest
class AnonymiseClosedComplaintsTest {

  @Autowired AnonymiseClosedComplaints retention;
  @Autowired ProcessDriver driver;
  @Autowired ComplaintIntake intake;
  @Autowired ComplainantActions complainant;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;

  @Test
  void contactDetailsOfAComplaintClosedOverNinetyDaysAgoAreErasedAndOpenOrRecentlyClosedOnesKeepThem() {
    var closedLongAgo = intake.receive(new ComplaintIntake.Submission(Channel.WEB_FORM, null, "en", "The app crashes",
        "It crashes", null, "FUNCTIONAL", "MANY", ProcessDriver.CONTACT),
        Optional.of(IdempotentSubmissions.Key.of("retention-test-" + UUID.randomUUID(), "{}")));
    driver.executeDueJobs(closedLongAgo);
    closeSatisfied(closedLongAgo);
    var open = driver.submitAppCrash();
    dispatcher.dispatchPending();
    moveClock(Duration.ofDays(91));
    var closedRecently = driver.submitAppCrash();
    complainant.withdraw(complaints.get(closedRecently.trackingNumber()));

    var run = retention.anonymiseDue();

    assertThat(run.contactDetails()).isPositive();
    var erased = driver.reload(closedLongAgo);
    assertThat(erased.contact()).isEqualTo(Contact.NONE);
    assertThat(erasedAt(erased, "contact_erased_at")).isEqualTo(now());
    assertThat(erased.subject()).as("texts stay until their own period").isEqualTo("The app crashes");
    assertThat(erasedAt(erased, "texts_erased_at")).isNull();
    assertThat(erased.status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(driver.timelineOf(erased)).endsWith(TimelineEventType.CONTACT_DETAILS_ERASED);
    assertThat(timeline.publicEntriesOf(erased.id())).extracting(TimelineEvent::type)
        .doesNotContain(TimelineEventType.CONTACT_DETAILS_ERASED);
    assertThat(messagesTo("COMPLAINANT", erased)).isNotEmpty()
        .allSatisfy(message -> assertThat(message).isEqualTo(new Message(NotificationOutbox.ERASED, "{}")));
    assertThat(messagesTo("STAFF_GROUP", erased)).as("staff messages name no complainant").isNotEmpty()
        .allSatisfy(message -> assertThat(message.payload()).contains("The app crashes"));
    assertThat(jdbc.sql("select count(*) from idempotent_submission where complaint_id = :id").param("id", erased.id())
        .query(Long.class).single()).as("the fingerprint of the submission").isZero();

    for (var kept : List.of(open, closedRecently)) {
      var complaint = driver.reload(kept);
      assertThat(complaint.contact()).as(complaint.status().name()).isEqualTo(ProcessDriver.CONTACT);
      assertThat(driver.timelineOf(complaint)).doesNotContain(TimelineEventType.CONTACT_DETAILS_ERASED);
      assertThat(messagesTo("COMPLAINANT", complaint)).extracting(Message::recipient)
          .containsOnly(ProcessDriver.CONTACT.email());
    }

    assertThat(retention.anonymiseDue()).as("a second run, e.g. on another node").isEqualTo(
        new AnonymiseClosedComplaints.Anonymised(0, 0));
    assertThat(driver.timelineOf(closedLongAgo)).containsOnlyOnce(TimelineEventType.CONTACT_DETAILS_ERASED);
  }

  @Test
  void afterTwoYearsTheTextsGoTooFromTheComplaintItsTimelineAndItsMessages() {
    var complaint = driver.submitAppCrash();
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("plan", "Fix the upload"));
    driver.complete(complaint, "ImplementPlan", "handler-tech", Map.of("progressNote", "Found it", "done", true));
    driver.complete(complaint, "ConfirmResult", "handler-tech",
        Map.of("measures", "Fixed the upload", "effect", "Photos upload again", "goalMet", true));
    complainant.answerSurvey(complaints.get(complaint.trackingNumber()), 5, "Thanks, works");
    moveClock(Duration.ofDays(731));

    retention.anonymiseDue();

    var erased = driver.reload(complaint);
    assertThat(erased.contact()).isEqualTo(Contact.NONE);
    assertThat(Arrays.asList(erased.subject(), erased.description(), erased.plan(), erased.measures(),
        erased.effect(), erased.satisfactionComment())).containsOnlyNulls();
    assertThat(erasedAt(erased, "texts_erased_at")).isEqualTo(now());
    assertThat(timeline.of(erased.id())).extracting(TimelineEvent::detail).containsOnlyNulls();
    assertThat(driver.timelineOf(erased)).endsWith(TimelineEventType.CONTACT_DETAILS_ERASED,
        TimelineEventType.COMPLAINT_TEXTS_ERASED);
    assertThat(jdbc.sql("select payload from notification where complaint_id = :id").param("id", erased.id())
        .query(String.class).list()).isNotEmpty().containsOnly("{}");
    assertThat(jdbc.sql("select state, last_error from notification where complaint_id = :id and recipient_kind = :k")
        .param("id", erased.id()).param("k", "COMPLAINANT")
        .query((rs, row) -> rs.getString(1) + ": " + rs.getString(2)).list())
        .as("messages never delivered are given up").isNotEmpty()
        .containsOnly("FAILED: Not delivered: the contact details were erased first");
    assertThat(List.of(erased.status(), erased.category(), erased.department(), erased.satisfaction()))
        .as("what reports need stays").containsExactly(ComplaintStatus.CLOSED, "FUNCTIONAL", "TECH_SUPPORT", 5);
  }

  @Test
  void theEngineHistoryCleanupRemovesTheTextsOfAFinishedComplaintAfterItsTimeToLive() {
    var complaint = closedSatisfied();
    var history = engine.getHistoryService();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(complaint.processInstanceId())
        .variableName("description").count()).isEqualTo(1);
    moveClock(Duration.ofDays(731));

    var cleanup = history.cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(complaint.processInstanceId()).count())
        .isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(complaint.processInstanceId()).count())
        .isZero();
  }

  private Complaint closedSatisfied() {
    var complaint = driver.submitAppCrash();
    closeSatisfied(complaint);
    return complaint;
  }

  private void closeSatisfied(Complaint complaint) {
    driver.handleUntilResultSent(complaint);
    complainant.answerSurvey(complaints.get(complaint.trackingNumber()), 5, "Thanks");
    assertThat(driver.reload(complaint).status()).isEqualTo(ComplaintStatus.CLOSED);
  }

  record Message(String recipient, String payload) {
  }

  private List<Message> messagesTo(String recipientKind, Complaint complaint) {
    return jdbc.sql("select recipient, payload from notification where complaint_id = :id and recipient_kind = :kind")
        .param("id", complaint.id())
        .param("kind", recipientKind)
        .query((rs, row) -> new Message(rs.getString("recipient"), rs.getString("payload")))
        .list();
  }

  private Instant erasedAt(Complaint complaint, String column) {
    var value = jdbc.sql("select " + column + " from complaint where id = :id").param("id", complaint.id())
        .query((rs, row) -> rs.getTimestamp(1)).list().get(0);
    return value == null ? null : value.toInstant();
  }

  private static void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(now().plus(by)));
  }

  private static Instant now() {
    return Objects.requireNonNull(ClockUtil.getCurrentTime()).toInstant();
  }
}
