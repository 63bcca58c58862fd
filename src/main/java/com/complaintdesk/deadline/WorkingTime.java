package com.complaintdesk.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * The time a deadline counts. Without a business calendar that is all time: a duration is a duration. With one,
 * only the working hours of working days that are not holidays count, and a duration of the policy reads as a
 * complaint manager reads it: its whole days are working days, what is left of it working hours. So "3 days"
 * from Friday 16:00 ends on Wednesday 16:00, and 8 hours from Friday 16:00 (working 09:00-17:00) on Monday
 * 16:00. A start outside working hours counts from the next working start. A deadline ends at the earliest
 * moment its working time has passed: one working day from Monday 09:00 ends on Monday 17:00, not on Tuesday
 * 09:00.
 */
final class WorkingTime {

  private final boolean calendar;
  private final ZoneId zone;
  private final Set<DayOfWeek> workingDays;
  private final Set<LocalDate> holidays;
  private final LocalTime opens;
  private final LocalTime closes;

  private WorkingTime(DeadlineProperties.BusinessCalendar settings) {
    this.calendar = settings.enabled();
    this.zone = settings.zone();
    this.workingDays = settings.workingDays();
    this.holidays = Set.copyOf(settings.holidays());
    this.opens = settings.workingHours().start();
    this.closes = settings.workingHours().end();
  }

  static WorkingTime of(DeadlineProperties.BusinessCalendar settings) {
    return new WorkingTime(settings);
  }

  /**
   * The working time a duration of the policy stands for. Every whole 24 hours are one working day, so the
   * policy's "24 hours" to log a complaint mean by the same time on the next working day; read as 24 working
   * hours they would be three working days (at 8 hours a day), which no complaint manager means by it. Java's
   * durations cannot tell PT24H from P1D anyway. The hours and minutes left over count as working hours.
   */
  Duration of(Duration duration) {
    if (!calendar) {
      return duration;
    }
    long days = duration.toDays();
    return workingDay().multipliedBy(days).plus(duration.minusDays(days));
  }

  /** The earliest moment by which the given working time has passed since the start. */
  Instant after(Instant start, Duration work) {
    if (!calendar || work.isZero()) {
      return start.plus(work);
    }
    if (work.isNegative()) {
      throw new IllegalArgumentException("working time must not be negative, was " + work);
    }
    Duration left = work;
    for (LocalDate day = start.atZone(zone).toLocalDate(); ; day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      Instant from = latest(start, at(day, opens));
      Instant until = at(day, closes);
      if (!from.isBefore(until)) {
        continue;
      }
      Duration available = Duration.between(from, until);
      if (left.compareTo(available) <= 0) {
        return from.plus(left);
      }
      left = left.minus(available);
    }
  }

  /** The working time between two moments; none when the second is not after the first. */
  Duration between(Instant from, Instant to) {
    if (!calendar) {
      return Duration.between(from, to);
    }
    Duration work = Duration.ZERO;
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        Instant start = latest(from, at(day, opens));
        Instant end = earliest(to, at(day, closes));
        if (start.isBefore(end)) {
          work = work.plus(Duration.between(start, end));
        }
      }
    }
    return work;
  }

  private boolean isWorkingDay(LocalDate day) {
    return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  private Duration workingDay() {
    return Duration.between(opens, closes);
  }

  private Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(zone).toInstant();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
