package com.complaintdesk.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.TimelineEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A handler asks the user a question before proposing a plan; the response deadline waits for the answer. */
@ComplaintDeskTest
class ConversationTest {

  @Autowired ProcessDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  @Test
  void theHandlersQuestionGoesToTheUserAndTheAnswerComesBackToTheHandler() {
    var complaint = askedComplaint("Which phone model do you use?");
    var instance = driver.processOf(complaint);

    BpmnAwareTests.assertThat(instance).isWaitingAt("AwaitAnswer");
    assertThat(messagesTo(complaint)).contains("QUESTION_FOR_USER");
    assertThat(responseDeadline(complaint).isSuspended()).isTrue();

    answer(complaint, "A Pixel 8");

    BpmnAwareTests.assertThat(instance).isWaitingAt("ProposePlan");
    assertThat(runtime.getVariable(instance.getId(), "answer")).isEqualTo("A Pixel 8");
    assertThat(responseDeadline(complaint).isSuspended()).isFalse();
    assertThat(driver.timelineOf(complaint)).containsSubsequence(TimelineEventType.QUESTION_ASKED,
        TimelineEventType.DEADLINES_PAUSED, TimelineEventType.QUESTION_ANSWERED, TimelineEventType.DEADLINES_RESUMED);

    driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("askUser", false, "plan", "Fix the Pixel upload"));
    BpmnAwareTests.assertThat(instance).isWaitingAt("ImplementPlan");
  }

  @Test
  void askedAtDayTwoOfThreeAndAnsweredAtDayFiveTheDeadlinePassesAtDaySix() {
    var complaint = threeDayComplaint();
    Instant deadline = responseDeadline(complaint).getDuedate().toInstant();
    driver.complete(complaint, "AssignHandler", "lead-design", Map.of("handler", "handler-design"));

    driver.advanceClock(complaint, Duration.ofDays(2));
    driver.complete(complaint, "ProposePlan", "handler-design",
        Map.of("askUser", true, "questionForUser", "Which menu do you mean?"));
    driver.advanceClock(complaint, Duration.ofDays(3));
    assertThat(breaches(complaint)).as("no breach while the user had the ball").isZero();

    answer(complaint, "The settings menu");
    assertThat(responseDeadline(complaint).getDuedate().toInstant()).isEqualTo(deadline.plus(Duration.ofDays(3)));
    driver.advanceClock(complaint, Duration.ofHours(23));
    assertThat(breaches(complaint)).isZero();
    driver.advanceClock(complaint, Duration.ofHours(2));
    assertThat(breaches(complaint)).as("day 6 has passed").isEqualTo(1);
  }

  @Test
  void withoutAnAnswerTheUserIsRemindedOnceAndThenTheHandlerGoesOnWithoutIt() {
    var complaint = askedComplaint("Can you send a screenshot?");
    var instance = driver.processOf(complaint);

    driver.advanceClock(complaint, Duration.ofDays(7).plusMinutes(1));
    BpmnAwareTests.assertThat(instance).isWaitingAt("AwaitAnswer");
    assertThat(messagesTo(complaint)).containsSubsequence("QUESTION_FOR_USER", "QUESTION_REMINDER");

    driver.advanceClock(complaint, Duration.ofDays(7));
    BpmnAwareTests.assertThat(instance).isWaitingAt("ProposePlan");
    assertThat(messagesTo(complaint).stream().filter("QUESTION_REMINDER"::equals)).hasSize(1);
    assertThat(driver.timelineOf(complaint)).contains(TimelineEventType.QUESTION_UNANSWERED,
        TimelineEventType.DEADLINES_RESUMED);
  }

  @Test
  void aComplaintWhoseUserNeverAnsweredIsClosedByTheHandler() {
    var complaint = askedComplaint("Can you send a screenshot?");
    var instance = driver.processOf(complaint);
    driver.advanceClock(complaint, Duration.ofDays(14).plusMinutes(1));
    BpmnAwareTests.assertThat(instance).isWaitingAt("ProposePlan");

    driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("closeUnanswered", true));

    BpmnAwareTests.assertThat(instance).isEnded();
    assertThat(driver.reload(complaint).status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(driver.timelineOf(complaint)).endsWith(TimelineEventType.CLOSED_UNANSWERED);
    assertThat(messagesTo(complaint)).endsWith("CLOSED");
    assertThat(management.createJobQuery().processInstanceId(complaint.processInstanceId()).count())
        .as("no deadline timer left behind").isZero();
  }

  @Test
  void onlyAnUnansweredQuestionLetsTheHandlerCloseTheComplaint() {
    var complaint = driver.submitAppCrash();
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));

    assertThatThrownBy(() -> driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("closeUnanswered", true)))
        .hasMessageContaining("left your question unanswered");
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("ProposePlan");
  }

  @Test
  void askingNeedsAQuestion() {
    var complaint = driver.submitAppCrash();
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));

    assertThatThrownBy(() -> driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("askUser", true)))
        .hasMessageContaining("questionForUser is missing");
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("ProposePlan");
  }

  private Complaint askedComplaint(String question) {
    var complaint = driver.submitAppCrash();
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("askUser", true, "questionForUser", question));
    return complaint;
  }

  private Complaint threeDayComplaint() {
    return driver.submitWebComplaint("EXPERIENCE", "Confusing menu", "I cannot find the settings",
        com.complaintdesk.complaint.AffectedUsers.SOME);
  }

  private void answer(Complaint complaint, String answer) {
    runtime.createMessageCorrelation("ComplainantAnswered").processInstanceBusinessKey(complaint.trackingNumber())
        .setVariable("answer", answer).correlate();
    driver.executeDueJobs(complaint);
  }

  private Job responseDeadline(Complaint complaint) {
    return management.createJobQuery().processInstanceId(complaint.processInstanceId()).timers()
        .activityId("ResponseDeadlinePassed").singleResult();
  }

  private List<String> messagesTo(Complaint complaint) {
    return jdbc.sql("select template from notification where complaint_id = :id and recipient_kind = 'COMPLAINANT' order by id")
        .param("id", complaint.id()).query(String.class).list();
  }

  private long breaches(Complaint complaint) {
    return jdbc.sql("select count(*) from deadline_breach where complaint_id = :id and deadline = 'RESPONSE'")
        .param("id", complaint.id()).query(Long.class).single();
  }
}
