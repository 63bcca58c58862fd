package com.complaintdesk.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every time limit and wait of the process but the response times, which the decision complaint-response-time
 * gives per priority. One block, so a designer finds them in one place (documented in application.yaml).
 *
 * @param loggingWindow how long after receipt a staff-captured complaint must be logged (policy: 24 hours)
 * @param reminderAtShare the share of the response time after which the handler is reminded
 * @param surveyWait how long we wait for the survey answer before customer service phones the user
 * @param answerWait how long we wait for the answer to a handler's question before reminding the user once;
 *     after as long again the handler goes on without it
 * @param maxReopens how often a dissatisfied user can reopen the complaint before a manager reviews it
 * @param businessCalendar the working time the logging and response deadlines count, when enabled
 */
@ConfigurationProperties("complaint-desk.deadlines")
public record DeadlineProperties(
    @DefaultValue("PT24H") Duration loggingWindow,
    @DefaultValue("0.66") double reminderAtShare,
    @DefaultValue("P7D") Duration surveyWait,
    @DefaultValue("P7D") Duration answerWait,
    @DefaultValue("2") int maxReopens,
    @DefaultValue BusinessCalendar businessCalendar) {

  private static final String PREFIX = "complaint-desk.deadlines.";

  public DeadlineProperties {
    if (reminderAtShare <= 0 || reminderAtShare >= 1) {
      throw new IllegalArgumentException(
          PREFIX + "reminder-at-share must be between 0 and 1 (exclusive), e.g. 0.66, was " + reminderAtShare);
    }
    requirePositive("logging-window", loggingWindow);
    requirePositive("survey-wait", surveyWait);
    requirePositive("answer-wait", answerWait);
    if (maxReopens < 0) {
      throw new IllegalArgumentException(PREFIX + "max-reopens must be 0 (never reopen) or more, was " + maxReopens);
    }
  }

  private static void requirePositive(String property, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          PREFIX + property + " must be a positive ISO-8601 duration such as PT24H or P7D, was " + value);
    }
  }

  /**
   * @param enabled off: deadlines are plain durations, the policy's 24 hours and 3 days on the clock
   * @param zone the time zone of the working hours and holidays; not set: the server's
   * @param workingDays the days of the week that are worked
   * @param workingHours the same on every working day
   * @param holidays dates that are not worked although their day of the week is
   */
  public record BusinessCalendar(
      boolean enabled,
      ZoneId zone,
      @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workingDays,
      @DefaultValue WorkingHours workingHours,
      List<LocalDate> holidays) {

    public BusinessCalendar {
      zone = zone == null ? ZoneId.systemDefault() : zone;
      holidays = holidays == null ? List.of() : List.copyOf(holidays);
      if (workingDays == null || workingDays.isEmpty()) {
        throw new IllegalArgumentException(PREFIX + "business-calendar.working-days must name at least one day,"
            + " e.g. MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY");
      }
      workingDays = Set.copyOf(workingDays);
    }
  }

  /**
   * @param start when a working day begins
   * @param end when it ends, after start on the same day
   */
  public record WorkingHours(@DefaultValue("09:00") LocalTime start, @DefaultValue("17:00") LocalTime end) {

    public WorkingHours {
      if (start == null || end == null || !end.isAfter(start)) {
        throw new IllegalArgumentException(PREFIX + "business-calendar.working-hours.end must be after"
            + " working-hours.start on the same day (times as \"HH:mm\", quoted in YAML), was " + start + " to " + end);
      }
    }
  }
}
