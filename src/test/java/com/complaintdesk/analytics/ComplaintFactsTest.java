package com.complaintdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.feedback.ComplainantActions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reports' facts follow a complaint through the real process, step by step, in the steps' transactions. */
@ComplaintDeskTest
class ComplaintFactsTest {

  @Autowired ProcessDriver driver;
  @Autowired ComplaintFacts facts;
  @Autowired ComplainantActions complainant;
  @Autowired ComplaintRepository complaints;

  @Test
  void aReopenedComplaintKeepsItsFirstPlanAndCountsItsReopening() {
    var complaint = driver.submitAppCrash();
    var received = facts.find(complaint.id()).orElseThrow();
    assertThat(received.status()).isEqualTo("CLASSIFIED");
    assertThat(received.department()).isEqualTo("TECH_SUPPORT");
    assertThat(received.loggedAt()).isNotNull();

    driver.handleUntilResultSent(complaint);
    var planned = facts.find(complaint.id()).orElseThrow();
    assertThat(planned.responseDueAt()).isEqualTo(driver.reload(complaint).responseDueAt());
    var firstPlan = planned.plannedAt();
    complainant.answerSurvey(complaints.get(complaint.trackingNumber()), 2, "Still broken");
    driver.executeDueJobs(complaint);
    assertThat(facts.find(complaint.id()).orElseThrow().status()).isEqualTo("CLASSIFIED");

    driver.handleUntilResultSent(complaint);
    complainant.answerSurvey(complaints.get(complaint.trackingNumber()), 5, "Works now");
    driver.executeDueJobs(complaint);

    var closed = facts.find(complaint.id()).orElseThrow();
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.handler()).isEqualTo("handler-tech");
    assertThat(closed.plannedAt()).isEqualTo(firstPlan);
    assertThat(closed.reopenCount()).isEqualTo(1);
    assertThat(closed.satisfaction()).isEqualTo(5);
    assertThat(closed.closedAt()).isNotNull();
    assertThat(closed.responseBreached()).isFalse();
    assertThat(java.util.List.of(closed.logSeconds(), closed.assignSeconds(), closed.planSeconds(),
        closed.resolveSeconds(), closed.closeSeconds())).doesNotContainNull().allMatch(seconds -> seconds >= 0);
  }

  @Test
  void aMissedLoggingDeadlineIsAFact() {
    var complaint = driver.captureByStaff(Channel.HOTLINE, Instant.now(), "Caller cannot log in");
    driver.advanceClock(complaint, Duration.ofHours(25));

    var fact = facts.find(complaint.id()).orElseThrow();
    assertThat(fact.loggingBreached()).isTrue();
    assertThat(fact.loggedAt()).isNull();
    assertThat(fact.status()).isEqualTo("RECEIVED");

    driver.complete(complaint, "LogComplaint", "agent", Map.of("subject", "Cannot log in", "description",
        "Since the update", "declaredType", "FUNCTIONAL", "affectedUsers", "ONE"));
    var logged = facts.find(complaint.id()).orElseThrow();
    assertThat(logged.loggedAt()).isNotNull();
    assertThat(logged.logSeconds()).isGreaterThan(Duration.ofHours(24).toSeconds());
  }
}
