package com.complaintdesk.analytics;

import com.complaintdesk.analytics.Dashboard.Backlog;
import com.complaintdesk.analytics.Dashboard.StageTime;
import com.complaintdesk.complaint.ComplaintStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where complaints spend their time: each stage's median and 90th percentile, and what is open now where.
 */
@Component
class StageFigures {

  /** The stages of the policy, in order, and the summary column holding each one's durations. */
  enum Stage {
    RECEIVE_TO_LOG("log_times"),
    LOG_TO_ASSIGN("assign_times"),
    ASSIGN_TO_PLAN("plan_times"),
    PLAN_TO_RESOLVED("resolve_times"),
    RESOLVED_TO_CLOSED("close_times");

    final String column;

    Stage(String column) {
      this.column = column;
    }
  }

  private final JdbcClient jdbc;

  StageFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // The histograms of the filter's days, merged: percentiles within 2 % (DurationHistogram).
  List<StageTime> stageTimes(DashboardFilter filter) {
    var rows = SummaryRows.of(filter);
    DurationHistogram[] merged = new DurationHistogram[Stage.values().length];
    Arrays.setAll(merged, stage -> new DurationHistogram());
    jdbc.sql("select log_times, assign_times, plan_times, resolve_times, close_times from complaint_day_summary"
            + " where " + rows.where())
        .params(rows.parameters())
        .query(rs -> {
          for (Stage stage : Stage.values()) {
            merged[stage.ordinal()].addAll(rs.getString(stage.column));
          }
        });
    List<StageTime> times = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      var histogram = merged[stage.ordinal()];
      times.add(new StageTime(stage.name(), histogram.count(), Figures.hours(histogram.percentile(0.5)),
          Figures.hours(histogram.percentile(0.9))));
    }
    return times;
  }

  /** What is open now, whenever it came in: the summary's open complaints of every day, by status. */
  List<Backlog> backlog(DashboardFilter filter) {
    var rows = SummaryRows.openNow(filter);
    return jdbc.sql("""
            select breakdown_value as status, department, sum(complaints) as complaints,
              min(received_day) as oldest
            from complaint_day_summary where %s
            group by breakdown_value, department
            """.formatted(rows.where()))
        .params(rows.parameters())
        .query((rs, row) -> new Backlog(rs.getString("status"), rs.getString("department"), rs.getLong("complaints"),
            rs.getObject("oldest", LocalDate.class)))
        .list().stream()
        .sorted(Comparator.comparing((Backlog open) -> ComplaintStatus.valueOf(open.status()))
            .thenComparing(Backlog::department))
        .toList();
  }
}
