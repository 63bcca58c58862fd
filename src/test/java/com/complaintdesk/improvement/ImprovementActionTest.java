package com.complaintdesk.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.Complaint;
import org.camunda.bpm.engine.ProcessEngineException;
import com.complaintdesk.security.ActingUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * improvement-action, every path: delivered on time; no action needed; sent back by the verifying manager; the
 * proposal's reminder; the implementation's reminder and escalation, delivered late. Timers fire by moving the engine
 * clock and executing their jobs.
 */
@ComplaintDeskTest
class ImprovementActionTest {

  private static final Instant START = Instant.parse("2026-09-07T08:00:00Z");

  @Autowired ImprovementActions improvements;
  @Autowired ImprovementActionRepository actions;
  @Autowired ProcessEngine engine;
  @Autowired ProcessDriver driver;
  @Autowired ActingUser actingUser;
  @Autowired JdbcClient jdbc;
  @Autowired ImprovementNotices notices;
  private final Map<Long, ProcessInstance> instances = new java.util.HashMap<>();

  @BeforeEach
  void startOfTheStory() {
    ClockUtil.setCurrentTime(Date.from(START));
  }

  @Test
  void anActionWhoseOwnerDeliversOnTimeEndsDelivered() {
    var action = start();
    var instance = instanceOf(action);

    assertThat(instance).isWaitingAt("NotifyOfImprovementAction");
    runJobs(action);
    assertThat(recipients(action, "IMPROVEMENT_ACTION_STARTED"))
        .containsExactlyInAnyOrder("complaint-managers", "tech-support-leads");
    assertThat(instance).isWaitingAt("NameOwner");
    assertThat(task(action).getDueDate()).isEqualTo(Date.from(START.plus(Duration.ofDays(5))));
    assertThat(engine.getTaskService().getVariableLocal(task(action).getId(), "handlerOptions").toString())
        .contains("handler-tech");

    complete(action, "lead-tech", Map.of("owner", "handler-tech", "noActionNeeded", false));
    assertThat(instance).isWaitingAt("ProposeImprovement");
    assertThat(task(action).getAssignee()).isEqualTo("handler-tech");

    complete(action, "handler-tech", Map.of("proposal", "Show the refund status on the order page.",
        "dueDate", day(START.plus(Duration.ofDays(10)))));
    assertThat(instance).isWaitingAt("ImplementImprovement");
    assertThat(actions.get(action.id()).status()).isEqualTo(ImprovementStatus.IMPLEMENTING);

    later(action, Duration.ofDays(3));
    complete(action, "handler-tech", Map.of("outcome", "The order page shows the refund status since 5.3."));
    assertThat(instance).isWaitingAt("ObservationPeriodOver");

    later(action, Duration.ofDays(14));
    assertThat(instance).isWaitingAt("VerifyImprovement");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .containsKeys("volumeBefore", "volumeAfter");

    complete(action, "manager", Map.of("verified", true, "verificationNote", "Refund complaints are down."));
    assertThat(instance).isEnded().hasPassed("RecordImprovementDelivered");
    assertThat(actions.get(action.id())).satisfies(done -> {
      assertThat(done.status()).isEqualTo(ImprovementStatus.DELIVERED);
      assertThat(done.deliveredOnTime()).isTrue();
      assertThat(done.owner()).isEqualTo("handler-tech");
    });
  }

  @Test
  void aLeadWhoFindsNoActionNeededEndsItWithTheReason() {
    var action = start();
    runJobs(action);

    assertThatThrownBy(() -> complete(action, "lead-tech", Map.of("noActionNeeded", true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("declineReason");
    complete(action, "lead-tech", Map.of("noActionNeeded", true, "declineReason", "A one-off outage, fixed."));

    assertThat(instanceOf(action)).isEnded().hasPassed("ImprovementDeclined");
    assertThat(actions.get(action.id()).status()).isEqualTo(ImprovementStatus.DECLINED);
  }

  @Test
  void aManagerWhoFindsItNotWorkingSendsItBackToTheOwner() {
    var action = start();
    runJobs(action);
    complete(action, "lead-tech", Map.of("owner", "handler-tech"));
    complete(action, "handler-tech", Map.of("proposal", "Retry uploads.", "dueDate", day(START.plus(Duration.ofDays(10)))));
    complete(action, "handler-tech", Map.of("outcome", "Uploads retry once."));
    later(action, Duration.ofDays(14));

    assertThatThrownBy(() -> complete(action, "manager", Map.of("verified", false)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("verificationNote");
    complete(action, "manager", Map.of("verified", false, "verificationNote", "Still many timeouts on Android."));

    var instance = instanceOf(action);
    assertThat(instance).isWaitingAt("ImplementImprovement");
    assertThat(task(action).getAssignee()).isEqualTo("handler-tech");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "verificationNote"))
        .isEqualTo("Still many timeouts on Android.");

    complete(action, "handler-tech", Map.of("outcome", "Uploads retry three times, also on Android."));
    later(action, Duration.ofDays(14));
    complete(action, "manager", Map.of("verified", true));
    assertThat(instance).isEnded();
    assertThat(actions.get(action.id()).deliveredOnTime()).as("carried out again after its due date").isFalse();
  }

  @Test
  void anOwnerWhoseProposalIsDueIsRemindedWithTheLeadsAndTheTaskStays() {
    var action = start();
    runJobs(action);
    complete(action, "lead-tech", Map.of("owner", "handler-tech"));

    later(action, Duration.ofDays(5).plusMinutes(1));

    assertThat(instanceOf(action)).isWaitingAt("ProposeImprovement").hasPassed("RemindOwnerOfProposal");
    assertThat(recipients(action, "IMPROVEMENT_REMINDER")).containsExactlyInAnyOrder("handler-tech", "tech-support-leads");
  }

  @Test
  void anImprovementPastItsDueDateIsRemindedThenEscalatedAndCountsAsLate() {
    var action = start();
    runJobs(action);
    complete(action, "lead-tech", Map.of("owner", "handler-tech"));
    assertThatThrownBy(() -> complete(action, "handler-tech", Map.of("proposal", "Fix it.",
        "dueDate", day(START.minus(Duration.ofDays(1)))))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("has passed");
    complete(action, "handler-tech", Map.of("proposal", "Fix it.", "dueDate", day(START.plus(Duration.ofDays(6)))));

    later(action, Duration.ofDays(5));
    assertThat(recipients(action, "IMPROVEMENT_REMINDER")).containsExactly("handler-tech");
    assertThat(recipients(action, "IMPROVEMENT_OVERDUE")).isEmpty();

    later(action, Duration.ofDays(2));
    assertThat(recipients(action, "IMPROVEMENT_OVERDUE"))
        .containsExactlyInAnyOrder("handler-tech", "tech-support-leads", "complaint-managers");
    assertThat(instanceOf(action)).isWaitingAt("ImplementImprovement");

    complete(action, "handler-tech", Map.of("outcome", "Fixed late."));
    later(action, Duration.ofDays(14));
    complete(action, "manager", Map.of("verified", true));
    assertThat(actions.get(action.id()).deliveredOnTime()).isFalse();
  }

  @Test
  void theComplainantsWhoAskedAreToldWhenTheImprovementIsInPlace() {
    var asked = driver.submitWebComplaint("FUNCTIONAL", "Albums lose their order",
        "After each sync my album shows the pictures shuffled", AffectedUsers.SOME);
    var notAsked = driver.submitWebComplaint("FUNCTIONAL", "Video export stops halfway",
        "Exporting a long video ends at fifty percent every time", AffectedUsers.ONE);
    var elsewhere = driver.submitWebComplaint("SERVICE", "Nobody called back",
        "The hotline promised a call back on Monday", AffectedUsers.ONE);
    var action = improvements.start(new ImprovementActions.Start(Topic.of("FUNCTIONAL", "album"), "TECH_SUPPORT",
        List.of(asked.id(), notAsked.id()), "manager", null), ClockUtil.getCurrentTime().toInstant());
    instanceOf(action);

    assertThat(notices.offerFor(asked)).contains(ImprovementNotices.Offer.OFFERED);
    assertThat(notices.ask(asked)).isTrue();
    assertThat(notices.offerFor(asked)).contains(ImprovementNotices.Offer.ASKED);
    assertThat(notices.ask(elsewhere)).as("no improvement under way for it").isFalse();
    assertThat(notices.offerFor(elsewhere)).isEmpty();

    runJobs(action);
    complete(action, "lead-tech", Map.of("owner", "handler-tech"));
    complete(action, "handler-tech", Map.of("proposal", "Keep the album order.", "dueDate", day(START.plus(Duration.ofDays(9)))));
    complete(action, "handler-tech", Map.of("outcome", "Sync keeps the order since 5.4."));
    later(action, Duration.ofDays(14));
    assertThat(inPlaceNotices(asked)).as("before the manager verified it").isZero();
    complete(action, "manager", Map.of("verified", true));

    assertThat(inPlaceNotices(asked)).isEqualTo(1);
    assertThat(inPlaceNotices(notAsked)).isZero();
    assertThat(notices.offerFor(asked)).as("nothing under way any more").isEmpty();
  }

  private int inPlaceNotices(Complaint complaint) {
    return jdbc.sql("select count(*) from notification where complaint_id = :id and template = 'IMPROVEMENT_IN_PLACE'"
            + " and recipient = :email")
        .param("id", complaint.id()).param("email", ProcessDriver.CONTACT.email()).query(Integer.class).single();
  }

  private ImprovementAction start() {
    var topic = Topic.of("FUNCTIONAL", "kw" + UUID.randomUUID().toString().substring(0, 8));
    var action = improvements.start(new ImprovementActions.Start(topic, "TECH_SUPPORT", List.of(), "manager", null),
        ClockUtil.getCurrentTime().toInstant());
    instanceOf(action);
    return action;
  }

  /** The instance as started: camunda-bpm-assert follows it into history once it ends. */
  private ProcessInstance instanceOf(ImprovementAction action) {
    return instances.computeIfAbsent(action.id(), id -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(action.processInstanceId()).singleResult());
  }

  private Task task(ImprovementAction action) {
    return engine.getTaskService().createTaskQuery().processInstanceId(action.processInstanceId())
        .singleResult();
  }

  private void complete(ImprovementAction action, String userId, Map<String, Object> variables) {
    Task task = task(action);
    actingUser.run(userId, () -> engine.getTaskService().complete(task.getId(), variables));
    runJobs(action);
  }

  private void runJobs(ImprovementAction action) {
    driver.executeDueJobs(action.processInstanceId());
  }

  /** Moves the engine clock on and runs the action's jobs that fell due meanwhile. */
  private void later(ImprovementAction action, Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    runJobs(action);
  }

  private List<String> recipients(ImprovementAction action, String template) {
    return jdbc.sql("select recipient from notification where complaint_id is null and template = :template"
            + " and payload like :reference order by id")
        .param("template", template).param("reference", "%\"" + action.reference() + "\"%")
        .query(String.class).list();
  }

  private static String day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneId.systemDefault()).toString();
  }
}
