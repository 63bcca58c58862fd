package com.complaintdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.TimelineEventType;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** While a complaint waits for the user, the department's response deadline stands still. */
@ComplaintDeskTest
class DeadlinePauseTest {

  @Autowired ProcessDriver driver;
  @Autowired DeadlinePause pause;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  @Test
  void askedAtDayTwoOfThreeAndAnsweredAtDayFiveTheDeadlinePassesAtDaySix() {
    var complaint = mediumPriorityComplaint();
    Instant start = responseDeadline(complaint).getDuedate().toInstant().minus(Duration.ofDays(3));

    driver.advanceClock(complaint, Duration.ofDays(2));
    pause.pause(driver.reload(complaint));
    assertThat(responseDeadline(complaint).isSuspended()).as("Cockpit shows the deadline timer suspended").isTrue();

    driver.advanceClock(complaint, Duration.ofDays(3));
    assertThat(breaches(complaint)).as("no breach while the user had the ball").isZero();

    Duration waited = pause.resume(driver.reload(complaint));
    assertThat(waited).isEqualTo(Duration.ofDays(3));
    Job deadline = responseDeadline(complaint);
    assertThat(deadline.isSuspended()).isFalse();
    assertThat(deadline.getDuedate().toInstant()).as("day 3 plus the 3 days waited")
        .isEqualTo(start.plus(Duration.ofDays(6)));
    assertThat(driver.reload(complaint).responseDueAt()).isEqualTo(start.plus(Duration.ofDays(6)));

    driver.advanceClock(complaint, Duration.ofHours(23));
    assertThat(breaches(complaint)).as("day 5, 23 hours: the department still has time").isZero();
    driver.advanceClock(complaint, Duration.ofHours(2));
    assertThat(breaches(complaint)).as("day 6 has passed").isEqualTo(1);

    assertThat(driver.timelineOf(complaint)).containsSubsequence(TimelineEventType.DEADLINES_PAUSED,
        TimelineEventType.DEADLINES_RESUMED, TimelineEventType.RESPONSE_DEADLINE_BREACHED);
  }

  @Test
  void pausingTwiceOrResumingWithoutAPauseChangesNothing() {
    var complaint = mediumPriorityComplaint();
    var due = responseDeadline(complaint).getDuedate();
    driver.advanceClock(complaint, Duration.ZERO); // the engine clock stands still: no time passes while paused

    assertThat(pause.resume(driver.reload(complaint))).isZero();
    pause.pause(driver.reload(complaint));
    pause.pause(driver.reload(complaint));
    assertThat(pause.resume(driver.reload(complaint))).isZero();

    assertThat(responseDeadline(complaint).getDuedate()).isEqualTo(due);
    assertThat(driver.timelineOf(complaint).stream().filter(TimelineEventType.DEADLINES_PAUSED::equals)).hasSize(1);
  }

  @Test
  void theWaitReadsAsWords() {
    assertThat(DeadlinePause.words(Duration.ofDays(3))).isEqualTo("3 days");
    assertThat(DeadlinePause.words(Duration.ofHours(26))).isEqualTo("1 day 2 hours");
    assertThat(DeadlinePause.words(Duration.ofMinutes(95))).isEqualTo("1 hour 35 minutes");
    assertThat(DeadlinePause.words(Duration.ofSeconds(20))).isEqualTo("0 minutes");
  }

  /** Experience feedback of some users: not HIGH or CRITICAL, so the policy's plain 3 days. */
  private Complaint mediumPriorityComplaint() {
    var complaint = driver.submitWebComplaint("EXPERIENCE", "Confusing menu", "I cannot find the settings",
        AffectedUsers.SOME);
    Instant due = responseDeadline(complaint).getDuedate().toInstant();
    assertThat(Duration.between(complaint.receivedAt(), due)).as("a 3-day response time")
        .isBetween(Duration.ofDays(3).minusMinutes(1), Duration.ofDays(3).plusMinutes(1));
    return complaint;
  }

  private Job responseDeadline(Complaint complaint) {
    return management.createJobQuery().processInstanceId(complaint.processInstanceId()).timers()
        .activityId("ResponseDeadlinePassed").singleResult();
  }

  private long breaches(Complaint complaint) {
    return jdbc.sql("select count(*) from deadline_breach where complaint_id = :id and deadline = 'RESPONSE'")
        .param("id", complaint.id()).query(Long.class).single();
  }
}
