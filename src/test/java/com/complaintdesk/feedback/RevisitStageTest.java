package com.complaintdesk.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintConflict;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.TimelineEventType;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ComplaintDeskTest
class RevisitStageTest {

  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired ComplainantActions complainant;
  @Autowired ComplaintRepository complaints;

  @Test
  void satisfiedUserClosesTheComplaint() {
    var complaint = resolvedComplaint();
    var instance = driver.processOf(complaint);

    answer(complaint, 4, "Works now");

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("SurveyAnswered", "RecordSatisfaction", "CloseComplaint");
    var closed = driver.reload(complaint);
    assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(closed.satisfaction()).isEqualTo(4);
    assertThat(closed.satisfactionComment()).isEqualTo("Works now");
    assertThat(closed.closedAt()).isNotNull();
  }

  @Test
  void aSurveyIsAnsweredOnlyOnce() {
    var complaint = resolvedComplaint();
    answer(complaint, 5, null);

    assertThatThrownBy(() -> answer(complaint, 1, "changed my mind")).isInstanceOf(ComplaintConflict.class);
    assertThat(driver.reload(complaint).satisfaction()).isEqualTo(5);
  }

  @Test
  void dissatisfiedUserReopensComplaintAtMostTwiceThenAManagerReviewsIt() {
    var complaint = resolvedComplaint();
    var instance = driver.processOf(complaint);

    for (int reopening = 1; reopening <= 2; reopening++) {
      answer(complaint, 2, "Still broken");
      BpmnAwareTests.assertThat(instance).isWaitingAt("AssignHandler");
      assertThat(driver.reload(complaint).reopenCount()).isEqualTo(reopening);
      assertThat(driver.reload(complaint).status()).isEqualTo(ComplaintStatus.CLASSIFIED);
      driver.handleUntilResultSent(complaint);
    }
    answer(complaint, 1, "I give up");

    BpmnAwareTests.assertThat(instance).isWaitingAt("FinalReview");
    BpmnAwareTests.assertThat(driver.task(complaint, "FinalReview")).hasCandidateGroup("complaint-managers");
    assertThat(driver.timelineOf(complaint)).contains(TimelineEventType.FINAL_REVIEW_REQUESTED);

    driver.complete(complaint, "FinalReview", "manager", Map.of("closingNote", "Goodwill credit granted"));

    BpmnAwareTests.assertThat(instance).isEnded();
    var closed = driver.reload(complaint);
    assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(closed.reopenCount()).isEqualTo(2);
    assertThat(closed.closingNote()).isEqualTo("Goodwill credit granted");
  }

  @Test
  void withoutASurveyAnswerForSevenDaysCustomerServicePhonesTheUser() {
    var complaint = resolvedComplaint();
    var instance = driver.processOf(complaint);

    driver.advanceClock(complaint, Duration.ofDays(6));
    BpmnAwareTests.assertThat(instance).isWaitingAt("AwaitFeedbackGateway");

    driver.advanceClock(complaint, Duration.ofDays(1).plusMinutes(1));
    BpmnAwareTests.assertThat(instance).isWaitingAt("FollowUpCall");
    BpmnAwareTests.assertThat(driver.task(complaint, "FollowUpCall")).hasCandidateGroup("customer-service");

    driver.complete(complaint, "FollowUpCall", "handler-cs", Map.of("reached", true, "satisfaction", 3, "comment", "OK"));

    BpmnAwareTests.assertThat(instance).isEnded();
    assertThat(driver.reload(complaint).satisfaction()).isEqualTo(3);
    assertThat(driver.reload(complaint).status()).isEqualTo(ComplaintStatus.CLOSED);
  }

  @Test
  void aUserNobodyReachesIsClosedWithoutASatisfactionScore() {
    var complaint = resolvedComplaint();
    driver.advanceClock(complaint, Duration.ofDays(8));

    driver.complete(complaint, "FollowUpCall", "handler-cs", Map.of("reached", false));

    var closed = driver.reload(complaint);
    assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(closed.satisfaction()).isNull();
    assertThat(driver.timelineOf(complaint)).contains(TimelineEventType.USER_NOT_REACHED);
  }

  @Test
  void aSurveyAnswerArrivingDuringTheFollowUpCallTakesItsPlace() {
    var complaint = resolvedComplaint();
    var instance = driver.processOf(complaint);
    driver.advanceClock(complaint, Duration.ofDays(8));
    BpmnAwareTests.assertThat(instance).isWaitingAt("FollowUpCall");

    answer(complaint, 5, "All good");

    BpmnAwareTests.assertThat(instance).hasPassed("SurveyAnsweredDuringCall").isEnded();
    assertThat(driver.reload(complaint).satisfaction()).isEqualTo(5);
  }

  @Test
  void followUpCallNeedsAScoreFromOneToFiveWhenTheUserWasReached() {
    var complaint = resolvedComplaint();
    driver.advanceClock(complaint, Duration.ofDays(8));

    assertThatThrownBy(() -> driver.complete(complaint, "FollowUpCall", "handler-cs", Map.of("reached", true, "satisfaction", 9)))
        .hasMessageContaining("satisfaction must be a whole number from 1 to 5");
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("FollowUpCall");
  }

  private Complaint resolvedComplaint() {
    var complaint = driver.submitAppCrash();
    driver.handleUntilResultSent(complaint);
    assertThat(driver.reload(complaint).status()).isEqualTo(ComplaintStatus.AWAITING_FEEDBACK);
    return complaint;
  }

  private void answer(Complaint complaint, int satisfaction, String comment) {
    complainant.answerSurvey(complaints.get(complaint.trackingNumber()), satisfaction, comment);
    driver.executeDueJobs(complaint);
  }
}
