package com.complaintdesk.analytics;

import com.complaintdesk.analytics.Dashboard.Appraisal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The appraisal figures, per department and per handler: complaints received in the period, handled (closed),
 * still open, initial plans within the response deadline, median hours from assignment to plan, average
 * satisfaction and reopen rate.
 */
@Component
class AppraisalFigures {

  private final JdbcClient jdbc;

  AppraisalFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Appraisal> byDepartment(DashboardFilter filter) {
    return by("department", filter);
  }

  List<Appraisal> byHandler(DashboardFilter filter) {
    return by("handler", filter);
  }

  // The column is one of two constants, never user input.
  private List<Appraisal> by(String column, DashboardFilter filter) {
    return jdbc.sql("""
            select %1$s as name, count(*) as complaints,
              sum(case when status = 'CLOSED' then 1 else 0 end) as handled,
              sum(case when status in ('CLOSED', 'WITHDRAWN', 'DUPLICATE') then 0 else 1 end) as still_open,
              sum(case when planned_at is not null and not response_breached
                  and (response_due_at is null or planned_at <= response_due_at) then 1 else 0 end) as response_met,
              sum(case when planned_at is not null or response_breached then 1 else 0 end) as response_decided,
              percentile_cont(0.5) within group (order by plan_seconds) as median_plan,
              avg(cast(satisfaction as double precision)) as average_satisfaction,
              sum(case when reopen_count > 0 then 1 else 0 end) as reopened,
              count(resolved_at) as resolved
            from complaint_fact where %2$s and %1$s is not null
            group by %1$s order by %1$s
            """.formatted(column, filter.where(null)))
        .params(filter.parameters())
        .query((rs, row) -> new Appraisal(rs.getString("name"), rs.getLong("complaints"), rs.getLong("handled"),
            rs.getLong("still_open"), Figures.percent(rs.getLong("response_met"), rs.getLong("response_decided")),
            Figures.hours((Number) rs.getObject("median_plan")),
            Figures.average((Number) rs.getObject("average_satisfaction")),
            Figures.percent(rs.getLong("reopened"), rs.getLong("resolved"))))
        .list();
  }
}
