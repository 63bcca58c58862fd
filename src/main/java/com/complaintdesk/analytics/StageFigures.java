package com.complaintdesk.analytics;

import com.complaintdesk.analytics.Dashboard.Backlog;
import com.complaintdesk.analytics.Dashboard.StageTime;
import com.complaintdesk.complaint.ComplaintStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Where complaints spend their time: each stage's median and 90th percentile, and what is open now where. */
@Component
class StageFigures {

  /** The stages of the policy, in order, and the column holding each one's duration in seconds. */
  enum Stage {
    RECEIVE_TO_LOG("log_seconds"),
    LOG_TO_ASSIGN("assign_seconds"),
    ASSIGN_TO_PLAN("plan_seconds"),
    PLAN_TO_RESOLVED("resolve_seconds"),
    RESOLVED_TO_CLOSED("close_seconds");

    final String column;

    Stage(String column) {
      this.column = column;
    }
  }

  private static final String OPEN_STATUSES = Arrays.stream(ComplaintStatus.values())
      .filter(status -> !status.isFinal()).map(status -> "'" + status.name() + "'")
      .collect(Collectors.joining(", "));

  private final JdbcClient jdbc;

  StageFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // One scan for all stages: the percentile aggregates skip the complaints that have not passed a stage (null).
  List<StageTime> stageTimes(DashboardFilter filter) {
    StringBuilder select = new StringBuilder("select ");
    for (Stage stage : Stage.values()) {
      select.append("count(%1$s) as %1$s_count, percentile_cont(0.5) within group (order by %1$s) as %1$s_median,"
          .formatted(stage.column))
          .append(" percentile_cont(0.9) within group (order by %1$s) as %1$s_p90, ".formatted(stage.column));
    }
    String sql = select.substring(0, select.length() - 2) + " from complaint_fact where " + filter.where(null);
    return jdbc.sql(sql).params(filter.parameters()).query((rs, row) -> {
      List<StageTime> times = new ArrayList<>();
      for (Stage stage : Stage.values()) {
        times.add(new StageTime(stage.name(), rs.getLong(stage.column + "_count"),
            Figures.hours((Number) rs.getObject(stage.column + "_median")),
            Figures.hours((Number) rs.getObject(stage.column + "_p90"))));
      }
      return times;
    }).single();
  }

  List<Backlog> backlog(DashboardFilter filter) {
    return jdbc.sql("""
            select status, coalesce(department, '%s') as department, count(*) as complaints,
              min(received_at) as oldest
            from complaint_fact where status in (%s) and %s
            group by status, coalesce(department, '%s')
            """.formatted(SlaFigures.NO_DEPARTMENT, OPEN_STATUSES, filter.whereOpenNow(null), SlaFigures.NO_DEPARTMENT))
        .params(filter.parameters())
        .query((rs, row) -> new Backlog(rs.getString("status"), rs.getString("department"), rs.getLong("complaints"),
            rs.getTimestamp("oldest").toInstant()))
        .list().stream()
        .sorted(Comparator.comparing((Backlog open) -> ComplaintStatus.valueOf(open.status()))
            .thenComparing(Backlog::department))
        .toList();
  }
}
