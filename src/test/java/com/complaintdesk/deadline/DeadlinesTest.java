package com.complaintdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.deadline.DeadlineProperties.BusinessCalendar;
import com.complaintdesk.deadline.DeadlineProperties.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deadlines' dates with the business calendar off (the policy's plain hours) and on (working time only,
 * 09:00-17:00 Monday to Friday). 2 January 2026 is a Friday.
 */
class DeadlinesTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Duration THREE_DAYS = Duration.parse("P3D");
  static final Duration EIGHT_HOURS = Duration.parse("PT8H");

  @Test
  void withoutTheCalendarDeadlinesArePlainDurations() {
    var deadlines = deadlines(calendar(false));

    assertThat(deadlines.loggingDueAt(at("2026-01-02T16:00"))).isEqualTo(at("2026-01-03T16:00"));
    var response = deadlines.responseDeadline(at("2026-01-02T16:00"), THREE_DAYS);
    assertThat(response.dueAt()).as("over the weekend").isEqualTo(at("2026-01-05T16:00"));
    assertThat(response.reminderAt()).as("at 0.66 of 72 hours").isEqualTo(at("2026-01-04T15:31:12"));
  }

  @Test
  void threeDaysFromFridayAfternoonAreThreeWorkingDays() {
    var response = deadlines(calendar(true)).responseDeadline(at("2026-01-02T16:00"), THREE_DAYS);

    assertThat(response.dueAt()).isEqualTo(at("2026-01-07T16:00"));
  }

  @Test
  void hoursCountWorkingHours() {
    var deadlines = deadlines(calendar(true));

    assertThat(deadlines.responseDeadline(at("2026-01-02T16:00"), EIGHT_HOURS).dueAt())
        .as("one hour on Friday, seven on Monday").isEqualTo(at("2026-01-05T16:00"));
    assertThat(deadlines.responseDeadline(at("2026-01-05T09:00"), Duration.parse("P1DT4H")).dueAt())
        .as("a working day and four working hours").isEqualTo(at("2026-01-06T13:00"));
  }

  @Test
  void theTwentyFourHoursToLogAComplaintAreOneWorkingDay() {
    var deadlines = deadlines(calendar(true));

    assertThat(deadlines.loggingDueAt(at("2026-01-02T16:00"))).isEqualTo(at("2026-01-05T16:00"));
    assertThat(deadlines.loggingDueAt(at("2026-01-06T10:30"))).isEqualTo(at("2026-01-07T10:30"));
  }

  @Test
  void aStartOutsideWorkingHoursCountsFromTheNextWorkingStart() {
    var deadlines = deadlines(calendar(true));

    assertThat(deadlines.loggingDueAt(at("2026-01-03T11:00")))
        .as("received on Saturday: by the end of Monday").isEqualTo(at("2026-01-05T17:00"));
    assertThat(deadlines.loggingDueAt(at("2026-01-02T18:30")))
        .as("received on Friday evening: by the end of Monday").isEqualTo(at("2026-01-05T17:00"));
    assertThat(deadlines.responseDeadline(at("2026-01-06T07:45"), EIGHT_HOURS).dueAt())
        .as("before opening on Tuesday: the whole Tuesday").isEqualTo(at("2026-01-06T17:00"));
  }

  @Test
  void holidaysAreNotWorked() {
    var deadlines = deadlines(calendar(true, LocalDate.parse("2026-01-05")));

    assertThat(deadlines.responseDeadline(at("2026-01-02T16:00"), THREE_DAYS).dueAt())
        .as("Monday off: Tuesday, Wednesday, Thursday").isEqualTo(at("2026-01-08T16:00"));
    assertThat(deadlines.loggingDueAt(at("2026-01-01T12:00")))
        .as("received on New Year's Day, a Thursday but not a holiday here: Friday").isEqualTo(at("2026-01-02T12:00"));
  }

  @Test
  void theReminderLiesAtItsShareOfTheWorkingTime() {
    var response = deadlines(calendar(true), 0.5).responseDeadline(at("2026-01-02T16:00"), THREE_DAYS);

    assertThat(response.reminderAt()).as("12 of 24 working hours: Friday 1, Monday 8, Tuesday 3")
        .isEqualTo(at("2026-01-06T12:00"));
  }

  @Test
  void workingHoursAreThoseOfTheCalendarsZone() {
    var shanghai = new BusinessCalendar(true, ZoneId.of("Asia/Shanghai"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0)), List.of());
    Instant fridayFourPmInShanghai = Instant.parse("2026-01-02T08:00:00Z");

    assertThat(deadlines(shanghai).responseDeadline(fridayFourPmInShanghai, EIGHT_HOURS).dueAt())
        .isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
  }

  @Test
  void aPausedDeadlineMovesOnByTheTimeWaited() {
    assertThat(deadlines(calendar(false)).resumed(at("2026-01-07T16:00"), at("2026-01-02T16:30"), at("2026-01-05T09:15")))
        .as("without the calendar: by the 64 hours 45 minutes waited").isEqualTo(at("2026-01-10T08:45"));
  }

  @Test
  void aPausedDeadlineKeepsTheWorkingTimeItHadLeft() {
    var deadlines = deadlines(calendar(true));

    assertThat(deadlines.resumed(at("2026-01-07T16:00"), at("2026-01-02T16:30"), at("2026-01-05T09:15")))
        .as("asked on Friday 16:30, answered on Monday 09:15: 45 working minutes waited").isEqualTo(at("2026-01-07T16:45"));
    assertThat(deadlines.resumed(at("2026-01-07T16:00"), at("2026-01-05T10:00"), at("2026-01-08T10:00")))
        .as("22 working hours were left: Thursday 7, Friday 8, Monday 7").isEqualTo(at("2026-01-12T16:00"));
  }

  @Test
  void workingTimeBetweenTwoMomentsLeavesOutNightsWeekendsAndHolidays() {
    var time = WorkingTime.of(calendar(true, LocalDate.parse("2026-01-05")));

    assertThat(time.between(at("2026-01-02T16:00"), at("2026-01-06T10:00"))).isEqualTo(Duration.ofHours(2));
    assertThat(time.between(at("2026-01-03T10:00"), at("2026-01-04T10:00"))).isZero();
    assertThat(time.between(at("2026-01-06T10:00"), at("2026-01-02T16:00"))).as("backwards").isZero();
  }

  static Deadlines deadlines(BusinessCalendar calendar) {
    return deadlines(calendar, 0.66);
  }

  static Deadlines deadlines(BusinessCalendar calendar, double reminderAtShare) {
    return new Deadlines(new DeadlineProperties(Duration.ofHours(24), reminderAtShare, Duration.ofDays(7),
        Duration.ofDays(7), 2, calendar));
  }

  static BusinessCalendar calendar(boolean enabled, LocalDate... holidays) {
    return new BusinessCalendar(enabled, ZONE, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0)), List.of(holidays));
  }

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
  }
}
