package com.complaintdesk.analytics;

import com.complaintdesk.analytics.Dashboard.Appraisal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The appraisal's improvements delivered on time: per owner (or department), the actions delivered in the period and
 * how many of them were carried out by their due date. Filtered by period, department and category; channel and
 * priority belong to complaints, not to actions.
 */
@Component
class ImprovementDeliveries {

  private final JdbcClient jdbc;

  ImprovementDeliveries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Appraisal> addToHandlers(List<Appraisal> handlers, DashboardFilter filter) {
    return addTo(handlers, delivered("owner", filter));
  }

  List<Appraisal> addToDepartments(List<Appraisal> departments, DashboardFilter filter) {
    return addTo(departments, delivered("department", filter));
  }

  private record Delivered(long delivered, long onTime) {
  }

  // The column is one of two constants, never user input.
  private Map<String, Delivered> delivered(String column, DashboardFilter filter) {
    Map<String, Delivered> delivered = new HashMap<>();
    jdbc.sql("select " + column + " as name, count(*) as delivered,"
            + " sum(case when delivered_on_time then 1 else 0 end) as on_time"
            + " from improvement_action where status = 'DELIVERED' and ended_at >= :start and ended_at < :end"
            + " and " + column + " is not null" + ImprovementFigures.attributes(filter)
            + " group by " + column)
        .params(ImprovementFigures.parameters(filter))
        .query(rs -> {
          delivered.put(rs.getString("name"), new Delivered(rs.getLong("delivered"), rs.getLong("on_time")));
        });
    return delivered;
  }

  /** Each row with its deliveries; an owner who delivered but handled nothing in the period gets a row of their own. */
  private static List<Appraisal> addTo(List<Appraisal> rows, Map<String, Delivered> delivered) {
    if (delivered.isEmpty()) {
      return rows;
    }
    Map<String, Delivered> left = new HashMap<>(delivered);
    List<Appraisal> merged = new ArrayList<>();
    for (Appraisal row : rows) {
      merged.add(with(row, left.remove(row.name())));
    }
    left.forEach((name, of) -> merged.add(with(new Appraisal(name, 0, 0, 0, null, null, null, null), of)));
    merged.sort(Comparator.comparing(Appraisal::name));
    return merged;
  }

  private static Appraisal with(Appraisal row, Delivered delivered) {
    if (delivered == null) {
      return row;
    }
    return new Appraisal(row.name(), row.complaints(), row.handled(), row.open(), row.responseWithinSlaPercent(),
        row.medianHoursToPlan(), row.averageSatisfaction(), row.reopenPercent(), delivered.delivered(),
        delivered.onTime(), Figures.percent(delivered.onTime(), delivered.delivered()));
  }
}
