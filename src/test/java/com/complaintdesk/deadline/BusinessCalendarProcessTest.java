package com.complaintdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.TimelineEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * With the business calendar on, the process's deadline timers fall in working time: a complaint that reaches
 * its department on Friday at 16:00 has its three days on Monday, Tuesday and Wednesday. Its own context
 * (the shared one runs with the calendar off) and engine name.
 */
@ComplaintDeskTest
@TestPropertySource(properties = {"complaint-desk.deadlines.business-calendar.enabled=true",
    "complaint-desk.deadlines.business-calendar.zone=Europe/Berlin",
    "camunda.bpm.process-engine-name=businessCalendarProcessTest"})
class BusinessCalendarProcessTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @Autowired ProcessDriver driver;
  @Autowired ManagementService management;

  @BeforeEach
  void fridayAfternoon() {
    ClockUtil.setCurrentTime(Date.from(at("2026-01-02T16:00")));
  }

  @Test
  void responseDeadlineOfThreeDaysFromFridayAfternoonPassesOnWednesdayAfternoon() {
    var complaint = driver.submitWebComplaint("EXPERIENCE", "Settings hard to find", "Took me ages", AffectedUsers.SOME);
    assertThat(complaint.priority()).as("the rules' plain 3 days").isEqualTo("MEDIUM");

    assertThat(dueDateOf(complaint, "ResponseDeadlinePassed")).isEqualTo(at("2026-01-07T16:00"));
    assertThat(complaint.responseDueAt()).as("the date the user's status page shows").isEqualTo(at("2026-01-07T16:00"));
    assertThat(dueDateOf(complaint, "ResponseReminderDue"))
        .as("0.66 of 24 working hours: Friday 1 hour, Monday 8, Tuesday 6 hours 50 minutes 24 seconds")
        .isEqualTo(at("2026-01-06T15:50:24"));

    driver.advanceClock(complaint, Duration.between(at("2026-01-02T16:00"), at("2026-01-05T16:30")));
    assertThat(driver.timelineOf(complaint)).as("Monday, when 3 plain days would have passed")
        .doesNotContain(TimelineEventType.RESPONSE_REMINDER_SENT, TimelineEventType.RESPONSE_DEADLINE_BREACHED);
    driver.advanceClock(complaint, Duration.between(at("2026-01-05T16:30"), at("2026-01-07T16:01")));
    assertThat(driver.timelineOf(complaint))
        .containsSubsequence(TimelineEventType.RESPONSE_REMINDER_SENT, TimelineEventType.RESPONSE_DEADLINE_BREACHED);
  }

  @Test
  void complaintPhonedInOnFridayAfternoonIsDueToBeLoggedOnMondayAfternoon() {
    var complaint = driver.captureByStaff(Channel.HOTLINE, at("2026-01-02T16:00"), "Caller says the price doubled");

    assertThat(dueDateOf(complaint, "LoggingDeadlinePassed")).isEqualTo(at("2026-01-05T16:00"));
    assertThat(driver.task(complaint, "LogComplaint").getDueDate().toInstant()).isEqualTo(at("2026-01-05T16:00"));
  }

  private Instant dueDateOf(Complaint complaint, String timer) {
    return management.createJobQuery().processInstanceId(complaint.processInstanceId()).timers().activityId(timer)
        .singleResult().getDuedate().toInstant();
  }

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
  }
}
