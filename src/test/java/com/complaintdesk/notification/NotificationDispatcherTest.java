package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Complaint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's delivery in the embedded default (the local outbox sender), with stand-in senders for failing
 * and slow channels: retries with a growing wait, the incident when they run out, staff's retry, one delivery
 * per notification, staff addresses from the identity service.
 */
@ComplaintDeskTest
class NotificationDispatcherTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired ProcessDriver driver;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired NotificationSender sender;
  @Autowired NotificationOutbox outbox;
  @Autowired FailedNotifications failedNotifications;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @BeforeEach
  void fixTheClock() {
    ClockUtil.setCurrentTime(java.util.Date.from(T0));
  }

  @AfterEach
  void removeTestStaff() {
    List.of("mail-test-with", "mail-test-without").forEach(id -> {
      if (identity.createUserQuery().userId(id).count() > 0) {
        identity.deleteUser(id);
      }
    });
    List.of("mail-test-group", "mail-test-empty").forEach(id -> {
      if (identity.createGroupQuery().groupId(id).count() > 0) {
        identity.deleteGroup(id);
      }
    });
  }

  @Test
  void withoutAMailServerQueuedNotificationsAreDeliveredToTheLocalOutboxOnceUnderAStableMessageId() {
    assertThat(sender).isInstanceOf(LocalOutboxSender.class);
    var complaint = driver.submitAppCrash();
    assertThat(states(complaint)).containsOnly("PENDING");

    dispatcher.dispatchPending();
    dispatcher.dispatchPending();

    assertThat(states(complaint)).containsOnly("SENT");
    assertThat(jdbc.sql("select attempts from notification where complaint_id = :id").param("id", complaint.id())
        .query(Integer.class).list()).as("each delivered exactly once").containsOnly(1);
    assertThat(jdbc.sql("select id, message_id from notification where complaint_id = :id").param("id", complaint.id())
        .query((rs, row) -> rs.getString("message_id").startsWith("<notification-" + rs.getLong("id") + ".")
            && rs.getString("message_id").endsWith("@complaint-desk>")).list())
        .containsOnly(true);
  }

  @Test
  void aFailingChannelIsRetriedWithAGrowingWaitWhileTheProcessGoesOn() {
    var complaint = driver.submitAppCrash();
    long acknowledgement = acknowledgementOf(complaint);
    var down = dispatcher.withSender(failingFor(complaint));

    down.dispatchPending();

    assertThat(row(acknowledgement)).isEqualTo(new Row("PENDING", 1, T0.plus(Duration.ofMinutes(5))));
    BpmnAwareTests.assertThat(driver.processOf(complaint)).as("not held up by the mail").isWaitingAt("AssignHandler");
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("ProposePlan");

    down.dispatchPending();
    assertThat(row(acknowledgement).attempts()).as("not due before its next attempt").isEqualTo(1);

    Instant now = T0;
    int attempts = 1;
    for (Duration wait : List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20))) {
      now = now.plus(wait);
      ClockUtil.setCurrentTime(java.util.Date.from(now));
      down.dispatchPending();
      attempts++;
      assertThat(row(acknowledgement)).isEqualTo(new Row("PENDING", attempts, now.plus(wait.multipliedBy(2))));
    }

    ClockUtil.setCurrentTime(java.util.Date.from(now.plus(Duration.ofMinutes(40))));
    dispatcher.dispatchPending();
    assertThat(row(acknowledgement).state()).as("delivered once the channel works again").isEqualTo("SENT");
    assertThat(lastError(acknowledgement)).isNull();
  }

  @Test
  void afterFiveFailedAttemptsTheNotificationFailsWithAnIncidentOnTheProcessAndStaffCanRetryIt() {
    var complaint = driver.submitAppCrash();
    long acknowledgement = acknowledgementOf(complaint);

    failFiveTimes(complaint);

    assertThat(row(acknowledgement).state()).isEqualTo("FAILED");
    assertThat(lastError(acknowledgement)).isEqualTo("IllegalStateException: mail server down");
    Incident incident = runtime.createIncidentQuery().processInstanceId(complaint.processInstanceId())
        .incidentType(FailedNotifications.INCIDENT_TYPE).configuration(String.valueOf(acknowledgement))
        .singleResult();
    assertThat(incident).as("an incident Cockpit shows on the complaint's instance").isNotNull();
    assertThat(incident.getConfiguration()).isEqualTo(String.valueOf(acknowledgement));
    assertThat(incident.getIncidentMessage()).contains("Notification " + acknowledgement, "ACKNOWLEDGEMENT",
        "after 5 attempts").doesNotContain(ProcessDriver.CONTACT.email(), ProcessDriver.CONTACT.name());
    assertThat(incidentIdOf(acknowledgement)).isEqualTo(incident.getId());
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    BpmnAwareTests.assertThat(driver.processOf(complaint)).as("the process goes on").isWaitingAt("ProposePlan");
    assertThat(runtime.createIncidentQuery().incidentId(incident.getId()).count()).as("still shown").isOne();

    failedNotifications.retry(acknowledgement);

    assertThat(row(acknowledgement)).isEqualTo(new Row("PENDING", 0, ClockUtil.getCurrentTime().toInstant()));
    assertThat(runtime.createIncidentQuery().incidentId(incident.getId()).count()).as("resolved").isZero();
    assertThat(incidentIdOf(acknowledgement)).isNull();
    String messageId = messageIdOf(acknowledgement);
    dispatcher.dispatchPending();
    assertThat(row(acknowledgement).state()).isEqualTo("SENT");
    assertThat(messageIdOf(acknowledgement)).as("the same message, sent at last").isEqualTo(messageId);

    assertThatThrownBy(() -> failedNotifications.retry(acknowledgement)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SENT");
    assertThatThrownBy(() -> failedNotifications.retry(-1)).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aNotificationThatFailsAfterItsProcessEndedIsFailedForStaffWithoutAnIncident() {
    var complaint = driver.submitAppCrash();
    dispatcher.dispatchPending();
    runtime.deleteProcessInstance(complaint.processInstanceId(), "test: the process ended");

    transactions.executeWithoutResult(status -> outbox.toStaffUser(complaint, "manager",
        NotificationTemplate.FINAL_REVIEW_NEEDED, Map.of()));
    failFiveTimes(complaint);

    long notice = idsOf(complaint, NotificationTemplate.FINAL_REVIEW_NEEDED).get(0);
    assertThat(row(notice).state()).isEqualTo("FAILED");
    assertThat(incidentIdOf(notice)).isNull();
  }

  @Test
  void twoDispatchersRunningAtOnceDeliverEachNotificationOnce() throws Exception {
    var complaint = driver.submitAppCrash();
    Map<Long, AtomicInteger> sends = new ConcurrentHashMap<>();
    var firstIsSending = new CountDownLatch(1);
    var secondIsDone = new CountDownLatch(1);
    NotificationSender slow = delivery -> {
      if (Long.valueOf(complaint.id()).equals(delivery.notification().complaintId())) {
        sends.computeIfAbsent(delivery.notification().id(), id -> new AtomicInteger()).incrementAndGet();
        firstIsSending.countDown();
        await(secondIsDone);
      }
    };
    NotificationSender quick = delivery -> {
      if (Long.valueOf(complaint.id()).equals(delivery.notification().complaintId())) {
        sends.computeIfAbsent(delivery.notification().id(), id -> new AtomicInteger()).incrementAndGet();
      }
    };

    var first = new Thread(dispatcher.withSender(slow)::dispatchPending);
    first.start();
    assertThat(firstIsSending.await(10, TimeUnit.SECONDS)).as("the first dispatcher is sending").isTrue();
    dispatcher.withSender(quick).dispatchPending();
    secondIsDone.countDown();
    first.join(10_000);
    assertThat(first.isAlive()).isFalse();

    var ids = jdbc.sql("select id from notification where complaint_id = :id").param("id", complaint.id())
        .query(Long.class).list();
    assertThat(sends.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(sends.values()).extracting(AtomicInteger::get).as("sends per notification").containsOnly(1);
    assertThat(states(complaint)).containsOnly("SENT");
  }

  @Test
  void staffMailGoesToTheAddressesOfTheGroupsMembersAndMembersWithoutOneAreLeftOutWithANote() {
    var complaint = driver.submitAppCrash();
    dispatcher.dispatchPending();
    identity.saveGroup(identity.newGroup("mail-test-group"));
    identity.saveGroup(identity.newGroup("mail-test-empty"));
    var with = identity.newUser("mail-test-with");
    with.setEmail("mail-test-with@complaint-desk.test");
    identity.saveUser(with);
    identity.saveUser(identity.newUser("mail-test-without"));
    identity.createMembership("mail-test-with", "mail-test-group");
    identity.createMembership("mail-test-without", "mail-test-group");
    transactions.executeWithoutResult(status -> {
      outbox.toStaffGroups(complaint, List.of("mail-test-group", "mail-test-empty"),
          NotificationTemplate.RESPONSE_REMINDER, Map.of());
      outbox.toStaffUser(complaint, "handler-tech", NotificationTemplate.RESPONSE_REMINDER, Map.of());
    });
    Map<Long, List<String>> sent = new ConcurrentHashMap<>();

    dispatcher.withSender(delivery -> sent.put(delivery.notification().id(), delivery.addresses())).dispatchPending();

    var reminders = idsOf(complaint, NotificationTemplate.RESPONSE_REMINDER);
    assertThat(reminders).hasSize(3);
    assertThat(sent.get(reminders.get(0))).containsExactly("mail-test-with@complaint-desk.test");
    assertThat(noteOf(reminders.get(0))).isEqualTo("Left out for want of an email address: mail-test-without");
    assertThat(sent).as("nobody to send to").doesNotContainKey(reminders.get(1));
    assertThat(noteOf(reminders.get(1))).contains("mail-test-empty has no members");
    assertThat(sent.get(reminders.get(2))).as("a demo user").containsExactly("handler-tech@complaint-desk.test");
    assertThat(noteOf(reminders.get(2))).isNull();
    assertThat(reminders).allSatisfy(id -> assertThat(row(id).state()).isEqualTo("SENT"));
  }

  record Row(String state, int attempts, Instant nextAttemptAt) {
  }

  /** Fails the complaint's messages as a mail server that is down would; others go through. */
  private static NotificationSender failingFor(Complaint complaint) {
    return delivery -> {
      if (Long.valueOf(complaint.id()).equals(delivery.notification().complaintId())) {
        throw new IllegalStateException("mail server down");
      }
    };
  }

  private void failFiveTimes(Complaint complaint) {
    var down = dispatcher.withSender(failingFor(complaint));
    for (int attempt = 1; attempt <= 5; attempt++) {
      down.dispatchPending();
      ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2))));
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long acknowledgementOf(Complaint complaint) {
    return idsOf(complaint, NotificationTemplate.ACKNOWLEDGEMENT).get(0);
  }

  private List<Long> idsOf(Complaint complaint, NotificationTemplate template) {
    return jdbc.sql("select id from notification where complaint_id = :id and template = :template order by id")
        .param("id", complaint.id()).param("template", template.name()).query(Long.class).list();
  }

  private Row row(long id) {
    return jdbc.sql("select state, attempts, next_attempt_at from notification where id = :id").param("id", id)
        .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant())).single();
  }

  private String lastError(long id) {
    return column("last_error", id);
  }

  private String incidentIdOf(long id) {
    return column("incident_id", id);
  }

  private String messageIdOf(long id) {
    return column("message_id", id);
  }

  private String noteOf(long id) {
    return column("delivery_note", id);
  }

  private String column(String column, long id) {
    return jdbc.sql("select " + column + " from notification where id = :id").param("id", id)
        .query((rs, n) -> rs.getString(1)).list().get(0);
  }

  private List<String> states(Complaint complaint) {
    return jdbc.sql("select state from notification where complaint_id = :id").param("id", complaint.id())
        .query(String.class).list();
  }
}
