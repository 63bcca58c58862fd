package com.complaintdesk.analytics;

import java.util.Map;

/**
 * The rows of the dashboard's summary that answer a filter, split by one of the filter dimensions (or not) and by
 * a breakdown (declared type, handler, or none): the filter's dimensions hold its values, the split dimension any
 * value, the others * (all).
 */
record SummaryRows(DashboardFilter filter, String splitBy, String breakdown, boolean wholeTime) {

  static SummaryRows of(DashboardFilter filter) {
    return new SummaryRows(filter, null, "", false);
  }

  static SummaryRows splitBy(DashboardFilter filter, String dimension) {
    return new SummaryRows(filter, dimension, "", false);
  }

  static SummaryRows brokenDownBy(DashboardFilter filter, String breakdown) {
    return new SummaryRows(filter, null, breakdown, false);
  }

  /** The open complaints by status and department, of every day: the backlog ignores the period. */
  static SummaryRows openNow(DashboardFilter filter) {
    return new SummaryRows(filter, "department", DaySummaries.OPEN_STATUS, true);
  }

  private String value(String dimension) {
    return switch (dimension) {
      case "channel" -> filter.channel();
      case "category" -> filter.category();
      case "priority" -> filter.priority();
      case "department" -> filter.department();
      default -> throw new IllegalArgumentException(dimension);
    };
  }

  int filters() {
    int bits = 0;
    for (int dimension = 0; dimension < DaySummaries.DIMENSIONS.size(); dimension++) {
      String name = DaySummaries.DIMENSIONS.get(dimension);
      if (value(name) != null || name.equals(splitBy)) {
        bits |= 1 << dimension;
      }
    }
    return bits;
  }

  /** The SQL condition on complaint_day_summary; the dimension names are constants, the values parameters. */
  String where() {
    StringBuilder sql = new StringBuilder(wholeTime ? "" : "received_day between :from and :to and ")
        .append("filters = :filters and breakdown = :breakdown");
    for (String dimension : DaySummaries.DIMENSIONS) {
      if (value(dimension) != null) {
        sql.append(" and ").append(dimension).append(" = :").append(dimension);
      }
    }
    return sql.toString();
  }

  Map<String, Object> parameters() {
    Map<String, Object> parameters = filter.parameters();
    parameters.put("filters", filters());
    parameters.put("breakdown", breakdown);
    return parameters;
  }
}
