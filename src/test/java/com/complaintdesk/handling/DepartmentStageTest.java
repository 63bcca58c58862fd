package com.complaintdesk.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.TimelineEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ComplaintDeskTest
class DepartmentStageTest {

  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  void mediumPriorityGetsThreeDaysReminderBeforeAndBreachAtTheDeadlineWhileWorkGoesOn() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));
    var complaint = driver.submitWebComplaint("EXPERIENCE", "Settings hard to find", "Took me ages", AffectedUsers.SOME);
    assertThat(complaint.priority()).isEqualTo("MEDIUM");
    assertThat(complaint.responseDueAt()).isCloseTo(start.plus(Duration.ofDays(3)), within(1, ChronoUnit.SECONDS));

    driver.advanceClock(complaint, Duration.ofDays(2));
    assertThat(driver.timelineOf(complaint)).contains(TimelineEventType.RESPONSE_REMINDER_SENT)
        .doesNotContain(TimelineEventType.RESPONSE_DEADLINE_BREACHED);
    assertThat(recipients(complaint.id(), "RESPONSE_REMINDER"))
        .as("nobody is named yet: the leads are reminded").containsExactly("design-leads");

    driver.complete(complaint, "AssignHandler", "lead-design", Map.of("handler", "handler-design"));
    driver.advanceClock(complaint, Duration.ofDays(1).plusMinutes(1));

    assertThat(driver.timelineOf(complaint)).contains(TimelineEventType.RESPONSE_DEADLINE_BREACHED);
    assertThat(jdbc.sql("select count(*) from deadline_breach where complaint_id = :id and deadline = 'RESPONSE'")
        .param("id", complaint.id()).query(Long.class).single()).isEqualTo(1);
    assertThat(recipients(complaint.id(), "RESPONSE_DEADLINE_BREACHED"))
        .containsExactlyInAnyOrder("design-leads", "complaint-managers");
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("ProposePlan");

    driver.complete(complaint, "ProposePlan", "handler-design", Map.of("plan", "Move notifications to the top"));
    assertThat(driver.reload(complaint).plan()).isEqualTo("Move notifications to the top");
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("ImplementPlan");
  }

  @Test
  void reminderGoesToTheNamedHandlerOnceThereIsOne() {
    var complaint = driver.submitAppCrash();
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));

    driver.advanceClock(complaint, Duration.ofHours(17));

    assertThat(recipients(complaint.id(), "RESPONSE_REMINDER")).containsExactly("handler-tech");
  }

  @Test
  void criticalPriorityShortensTheResponseDeadline() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));
    var complaint = driver.submitWebComplaint("OTHER", "Accounts hacked", "Many accounts were hacked", AffectedUsers.MANY);

    assertThat(complaint.priority()).isEqualTo("CRITICAL");
    var deadlineTimer = engine.getManagementService().createJobQuery().processInstanceId(complaint.processInstanceId())
        .activityId("ResponseDeadlinePassed").singleResult();
    assertThat(deadlineTimer.getDuedate().toInstant()).isEqualTo(start.plus(Duration.ofHours(8)));
  }

  @Test
  void leadMustNameAHandlerOfTheDepartment() {
    var complaint = driver.submitAppCrash();

    var options = engine.getTaskService().getVariableLocal(driver.task(complaint, "AssignHandler").getId(), "handlerOptions");
    assertThat(options.toString()).contains("handler-tech").doesNotContain("handler-design");
    assertThatThrownBy(() -> driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-design")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("member of the group tech-support");

    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    BpmnAwareTests.assertThat(driver.task(complaint, "ProposePlan")).isAssignedTo("handler-tech");
    assertThat(driver.reload(complaint).status()).isEqualTo(ComplaintStatus.ASSIGNED);
  }

  @Test
  void handlerKeepsTheUserInformedUntilThePlanIsCarriedOutAndConfirmed() {
    var complaint = driver.submitAppCrash();
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("plan", "Fix the upload"));

    driver.complete(complaint, "ImplementPlan", "handler-tech", Map.of("progressNote", "Found the cause", "done", false));
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("ImplementPlan");
    var secondRound = engine.getTaskService().getVariables(driver.task(complaint, "ImplementPlan").getId());
    assertThat(secondRound).doesNotContainKey("progressNote").containsEntry("lastProgressNote", "Found the cause");

    driver.complete(complaint, "ImplementPlan", "handler-tech", Map.of("done", true));
    driver.complete(complaint, "ConfirmResult", "handler-tech",
        Map.of("measures", "Patched", "effect", "Some photos still fail", "goalMet", false));
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("ImplementPlan");
    assertThat(driver.reload(complaint).status()).isEqualTo(ComplaintStatus.IN_PROGRESS);

    driver.complete(complaint, "ImplementPlan", "handler-tech", Map.of("progressNote", "Second fix released", "done", true));
    driver.complete(complaint, "ConfirmResult", "handler-tech",
        Map.of("measures", "Patched twice", "effect", "All photos upload", "goalMet", true));

    var resolved = driver.reload(complaint);
    assertThat(resolved.status()).isEqualTo(ComplaintStatus.AWAITING_FEEDBACK);
    assertThat(resolved.measures()).isEqualTo("Patched twice");
    assertThat(resolved.goalMet()).isTrue();
    assertThat(jdbc.sql("select payload from notification where complaint_id = :id and template = 'PROGRESS_NOTE' order by id")
        .param("id", complaint.id()).query(String.class).list())
        .as("one message per note meant for the user, none for a round without a note")
        .hasSize(2).anySatisfy(payload -> assertThat(payload).contains("Found the cause"));
    assertThat(driver.timelineOf(complaint)).containsSubsequence(TimelineEventType.PLAN_PROPOSED,
        TimelineEventType.PROGRESS_NOTE, TimelineEventType.WORK_CONTINUED, TimelineEventType.GOAL_NOT_MET,
        TimelineEventType.PROGRESS_NOTE, TimelineEventType.RESOLVED, TimelineEventType.RESULT_SENT);
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("AwaitFeedbackGateway");
  }

  @Test
  void planIsRequired() {
    var complaint = driver.submitAppCrash();
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    var blank = new HashMap<String, Object>();
    blank.put("plan", "  ");

    assertThatThrownBy(() -> driver.complete(complaint, "ProposePlan", "handler-tech", blank))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("plan is missing");
  }

  private java.util.List<String> recipients(long complaintId, String template) {
    return jdbc.sql("select recipient from notification where complaint_id = :id and template = :template")
        .param("id", complaintId).param("template", template).query(String.class).list();
  }
}
