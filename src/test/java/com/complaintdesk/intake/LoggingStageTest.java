package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.TimelineEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ComplaintDeskTest
class LoggingStageTest {

  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  void webComplaintWithFullDataIsLoggedAtOnceAndClassifiedByTheRules() {
    var complaint = driver.submitAppCrash();

    BpmnAwareTests.assertThat(driver.processOf(complaint))
        .hasPassed("RecordComplaintLogged", "DetermineCategory", "DeterminePriority", "DetermineRouting")
        .hasNotPassed("LogComplaint")
        .isWaitingAt("AssignHandler");
    BpmnAwareTests.assertThat(driver.task(complaint, "AssignHandler")).hasCandidateGroup("tech-support-leads");
    assertThat(complaint.loggedAt()).isNotNull();
    assertThat(complaint.category()).isEqualTo("FUNCTIONAL");
    assertThat(complaint.priority()).isEqualTo("HIGH");
    assertThat(complaint.department()).isEqualTo("TECH_SUPPORT");
    assertThat(complaint.status()).isEqualTo(ComplaintStatus.CLASSIFIED);
    assertThat(driver.timelineOf(complaint))
        .containsExactly(TimelineEventType.RECEIVED, TimelineEventType.LOGGED, TimelineEventType.CLASSIFIED);
  }

  @Test
  void staffCapturedComplaintWaitsInLogComplaintUntilTheAgentLogsIt() {
    Instant receivedAt = Instant.now().minus(2, ChronoUnit.HOURS);
    var complaint = driver.captureByStaff(Channel.HOTLINE, receivedAt, "Caller says the price doubled overnight");

    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("LogComplaint");
    var task = driver.task(complaint, "LogComplaint");
    BpmnAwareTests.assertThat(task).hasCandidateGroup("intake");
    assertThat(task.getDueDate().toInstant()).isEqualTo(receivedAt.plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.MILLIS));
    assertThat(complaint.status()).isEqualTo(ComplaintStatus.RECEIVED);

    driver.complete(complaint, "LogComplaint", "agent", Map.of("subject", "Price doubled",
        "description", "The monthly price doubled without notice", "declaredType", "PRICE", "affectedUsers", "SOME"));

    var logged = driver.reload(complaint);
    assertThat(logged.subject()).isEqualTo("Price doubled");
    assertThat(logged.loggedAt()).isNotNull();
    assertThat(logged.category()).isEqualTo("PRICE");
    assertThat(logged.department()).isEqualTo("CUSTOMER_SERVICE");
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("AssignHandler");
    assertThat(jdbc.sql("select actor from complaint_event where complaint_id = :id and type = 'LOGGED'")
        .param("id", complaint.id()).query(String.class).single()).isEqualTo("agent");
  }

  @Test
  void loggingDeadlineFiresTwentyFourHoursAfterReceiptEscalatesAndRecordsTheBreach() {
    Instant receivedAt = Instant.now().minus(20, ChronoUnit.HOURS);
    var complaint = driver.captureByStaff(Channel.EMAIL, receivedAt, "My account was hacked yesterday");

    ManagementService management = engine.getManagementService();
    var timer = management.createJobQuery().processInstanceId(complaint.processInstanceId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant())
        .as("computed from the receipt, not from task creation")
        .isCloseTo(receivedAt.plus(Duration.ofHours(24)), within(1, ChronoUnit.SECONDS));

    driver.advanceClock(complaint, Duration.ofHours(3));
    assertThat(breaches(complaint.id())).isZero();

    driver.advanceClock(complaint, Duration.ofHours(2));

    assertThat(breaches(complaint.id())).isEqualTo(1);
    assertThat(driver.timelineOf(complaint)).contains(TimelineEventType.LOGGING_DEADLINE_BREACHED);
    assertThat(jdbc.sql("select recipient from notification where complaint_id = :id and template = 'LOGGING_DEADLINE_ESCALATION'")
        .param("id", complaint.id()).query(String.class).list()).containsExactly("intake-supervisors");
    BpmnAwareTests.assertThat(driver.processOf(complaint))
        .hasPassed("LoggingDeadlinePassed", "RecordLoggingBreach", "NotifyIntakeSupervisors")
        .isWaitingAt("LogComplaint");
    assertThat(engine.getRuntimeService().getVariable(complaint.processInstanceId(), "loggingDeadlineBreached")).isEqualTo(true);

    driver.complete(complaint, "LogComplaint", "agent", Map.of("subject", "Account hacked",
        "description", "Someone changed my password", "declaredType", "OTHER", "affectedUsers", "ONE"));

    var classified = driver.reload(complaint);
    assertThat(classified.category()).isEqualTo("INFORMATION_SECURITY");
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("AssignHandler");
  }

  private long breaches(long complaintId) {
    return jdbc.sql("select count(*) from deadline_breach where complaint_id = :id and deadline = 'LOGGING'")
        .param("id", complaintId).query(Long.class).single();
  }
}
