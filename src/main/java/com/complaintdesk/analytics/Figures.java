package com.complaintdesk.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How the dashboard rounds and groups. */
final class Figures {

  private Figures() {
  }

  /** A share in percent with one decimal, or null when nothing was counted. */
  static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  /** Seconds as hours with one decimal, or null. */
  static Double hours(Number seconds) {
    return seconds == null ? null : Math.round(seconds.doubleValue() / 360.0) / 10.0;
  }

  /** An average with two decimals, or null. */
  static Double average(Number value) {
    return value == null ? null : Math.round(value.doubleValue() * 100.0) / 100.0;
  }

  /** The Monday of a day's ISO week: weekly charts are labelled by it. */
  static LocalDate week(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
