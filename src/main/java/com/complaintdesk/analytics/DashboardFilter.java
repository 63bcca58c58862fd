package com.complaintdesk.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the dashboard counts: complaints received from one day to another (UTC days, both included), optionally of
 * one channel, category, priority and department. The backlog ignores the period: it is what is open now.
 */
public record DashboardFilter(LocalDate from, LocalDate to, String channel, String category, String priority,
    String department) {

  /** The default period: the last 90 days, today included. */
  static final int DEFAULT_DAYS = 90;
  private static final int MAX_DAYS = 3_700;
  private static final Pattern VALUE = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

  public DashboardFilter {
    if (from.isAfter(to)) {
      throw new InvalidDashboardFilter("from (" + from + ") must not be after to (" + to + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
      throw new InvalidDashboardFilter("the period may span at most " + MAX_DAYS + " days");
    }
    channel = value("channel", channel);
    category = value("category", category);
    priority = value("priority", priority);
    department = value("department", department);
  }

  /** A filter from request parameters: a missing period is the last 90 days up to today. */
  static DashboardFilter of(LocalDate from, LocalDate to, String channel, String category, String priority,
      String department, LocalDate today) {
    LocalDate end = to == null ? today : to;
    LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1L) : from;
    return new DashboardFilter(start, end, channel, category, priority, department);
  }

  private static String value(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!VALUE.matcher(value).matches()) {
      throw new InvalidDashboardFilter(name + " must be an id such as TECH_SUPPORT (capital letters, digits, _)");
    }
    return value;
  }

  /**
   * The condition with the period written out as date literals (the days are LocalDates, never user text): the
   * database then plans for this period. Over a parameter it may settle on a generic plan that reads every row.
   */
  String wherePeriodWrittenOut(String alias) {
    return where(alias).replace(":from", "date '" + from + "'").replace(":to", "date '" + to + "'");
  }

  /** How many of channel, category, priority and department the filter fixes. */
  int dimensions() {
    return (channel == null ? 0 : 1) + (category == null ? 0 : 1) + (priority == null ? 0 : 1)
        + (department == null ? 0 : 1);
  }

  /** The SQL condition on complaint_fact (columns prefixed with {@code alias.}, if given). */
  String where(String alias) {
    return "%1$sreceived_day between :from and :to and %2$s".formatted(prefix(alias), attributes(alias));
  }

  private String attributes(String alias) {
    String column = prefix(alias);
    StringBuilder sql = new StringBuilder("1 = 1");
    if (channel != null) {
      sql.append(" and ").append(column).append("channel = :channel");
    }
    if (category != null) {
      sql.append(" and ").append(column).append("category = :category");
    }
    if (priority != null) {
      sql.append(" and ").append(column).append("priority = :priority");
    }
    if (department != null) {
      sql.append(" and ").append(column).append("department = :department");
    }
    return sql.toString();
  }

  private static String prefix(String alias) {
    return alias == null ? "" : alias + ".";
  }

  Map<String, Object> parameters() {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("from", from);
    parameters.put("to", to);
    parameters.put("channel", channel);
    parameters.put("category", category);
    parameters.put("priority", priority);
    parameters.put("department", department);
    return parameters;
  }
}
