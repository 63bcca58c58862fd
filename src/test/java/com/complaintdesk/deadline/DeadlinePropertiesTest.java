package com.complaintdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The deadlines block as a designer writes it, and the start refused with a message naming what to fix. */
class DeadlinePropertiesTest {

  @Configuration
  @EnableConfigurationProperties(DeadlineProperties.class)
  static class Settings {
  }

  final ApplicationContextRunner app = new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Test
  void defaultsAreThePolicysPlainLimitsWithTheCalendarOff() {
    app.run(context -> {
      var properties = context.getBean(DeadlineProperties.class);
      assertThat(properties.loggingWindow()).isEqualTo(Duration.ofHours(24));
      assertThat(properties.surveyWait()).isEqualTo(Duration.ofDays(7));
      assertThat(properties.answerWait()).isEqualTo(Duration.ofDays(7));
      assertThat(properties.maxReopens()).isEqualTo(2);
      var calendar = properties.businessCalendar();
      assertThat(calendar.enabled()).isFalse();
      assertThat(calendar.zone()).isEqualTo(ZoneId.systemDefault());
      assertThat(calendar.workingDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
      assertThat(calendar.workingHours().start()).isEqualTo(LocalTime.of(9, 0));
      assertThat(calendar.workingHours().end()).isEqualTo(LocalTime.of(17, 0));
      assertThat(calendar.holidays()).isEmpty();
    });
  }

  @Test
  void aCalendarReadsAsWritten() {
    app.withPropertyValues("complaint-desk.deadlines.business-calendar.enabled=true",
            "complaint-desk.deadlines.business-calendar.zone=Asia/Shanghai",
            "complaint-desk.deadlines.business-calendar.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY",
            "complaint-desk.deadlines.business-calendar.working-hours.start=08:30",
            "complaint-desk.deadlines.business-calendar.working-hours.end=18:00",
            "complaint-desk.deadlines.business-calendar.holidays=2026-02-17,2026-10-01")
        .run(context -> {
          var calendar = context.getBean(DeadlineProperties.class).businessCalendar();
          assertThat(calendar.enabled()).isTrue();
          assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
          assertThat(calendar.workingDays()).hasSize(6).contains(DayOfWeek.SATURDAY);
          assertThat(calendar.workingHours().start()).isEqualTo(LocalTime.of(8, 30));
          assertThat(calendar.workingHours().end()).isEqualTo(LocalTime.of(18, 0));
          assertThat(calendar.holidays()).containsExactly(LocalDate.of(2026, 2, 17), LocalDate.of(2026, 10, 1));
        });
  }

  @Test
  void workingHoursEndingBeforeTheyStartStopTheStart() {
    assertStartFails("complaint-desk.deadlines.business-calendar.working-hours.end",
        "business-calendar.working-hours.start=17:00", "business-calendar.working-hours.end=09:00");
  }

  @Test
  void aCalendarWithoutWorkingDaysStopsTheStart() {
    assertStartFails("complaint-desk.deadlines.business-calendar.working-days", "business-calendar.working-days=");
  }

  @Test
  void anUnknownZoneStopsTheStart() {
    assertStartFails("complaint-desk.deadlines.business-calendar.zone", "business-calendar.zone=Europe/Atlantis");
  }

  @Test
  void aReminderAfterTheDeadlineStopsTheStart() {
    assertStartFails("complaint-desk.deadlines.reminder-at-share", "reminder-at-share=1.5");
  }

  @Test
  void aWaitOfNothingStopsTheStart() {
    assertStartFails("complaint-desk.deadlines.survey-wait", "survey-wait=PT0S");
  }

  private void assertStartFails(String namedProperty, String... settings) {
    String[] properties = Arrays.stream(settings).map(setting -> "complaint-desk.deadlines." + setting)
        .toArray(String[]::new);
    app.withPropertyValues(properties).run(context -> {
      assertThat(context).hasFailed();
      assertThat(messages(context.getStartupFailure())).contains(namedProperty);
    });
  }

  /** The messages of the failure and its causes, as the start-up log shows them. */
  private static String messages(Throwable failure) {
    var text = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      text.append(cause.getMessage()).append('\n');
    }
    return text.toString();
  }
}
