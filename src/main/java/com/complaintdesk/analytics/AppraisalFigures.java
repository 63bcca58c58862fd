package com.complaintdesk.analytics;

import com.complaintdesk.analytics.Dashboard.Appraisal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    return appraise(SummaryRows.splitBy(filter, "department"), "department");
  }

  List<Appraisal> byHandler(DashboardFilter filter) {
    return filter.dimensions() <= DaySummaries.MAX_BROKEN_DOWN_FILTERS
        ? appraise(SummaryRows.brokenDownBy(filter, DaySummaries.HANDLER), "breakdown_value")
        : handlersFromFacts(filter);
  }

  // Under several filters few complaints match: they are appraised from the facts (exact time to plan).
  private List<Appraisal> handlersFromFacts(DashboardFilter filter) {
    return jdbc.sql("""
            select handler, count(*) as complaints,
              sum(case when status = 'CLOSED' then 1 else 0 end) as handled,
              sum(case when status in ('CLOSED', 'WITHDRAWN', 'DUPLICATE') then 0 else 1 end) as still_open,
              sum(case when planned_at is not null and not response_breached
                  and (response_due_at is null or planned_at <= response_due_at) then 1 else 0 end) as response_met,
              sum(case when planned_at is not null or response_breached then 1 else 0 end) as response_decided,
              percentile_cont(0.5) within group (order by plan_seconds) as median_plan,
              avg(cast(satisfaction as double precision)) as average_satisfaction,
              sum(case when reopen_count > 0 then 1 else 0 end) as reopened,
              count(resolved_at) as resolved
            from complaint_fact where %s and handler is not null
            group by handler order by handler
            """.formatted(filter.where(null)))
        .params(filter.parameters())
        .query((rs, row) -> new Appraisal(rs.getString("handler"), rs.getLong("complaints"), rs.getLong("handled"),
            rs.getLong("still_open"), Figures.percent(rs.getLong("response_met"), rs.getLong("response_decided")),
            Figures.hours((Number) rs.getObject("median_plan")),
            Figures.average((Number) rs.getObject("average_satisfaction")),
            Figures.percent(rs.getLong("reopened"), rs.getLong("resolved"))))
        .list();
  }

  /** One department's or handler's sums over the days of the filter. */
  private static final class Sums {
    long complaints;
    long handled;
    long open;
    long responseMet;
    long responseDecided;
    final long[] marks = new long[5];
    long reopened;
    long resolved;
    final DurationHistogram planTimes = new DurationHistogram();

    Appraisal appraisal(String name) {
      return new Appraisal(name, complaints, handled, open, Figures.percent(responseMet, responseDecided),
          Figures.hours(planTimes.percentile(0.5)), SatisfactionFigures.averageMark(marks),
          Figures.percent(reopened, resolved));
    }
  }

  // The column is one of two constants, never user input.
  private List<Appraisal> appraise(SummaryRows rows, String column) {
    Map<String, Sums> sums = new TreeMap<>();
    jdbc.sql("select " + column + " as name, complaints, handled, still_open, response_met, response_decided,"
            + " marks_1, marks_2, marks_3, marks_4, marks_5, reopened, resolved, plan_times"
            + " from complaint_day_summary where " + rows.where())
        .params(rows.parameters())
        .query(rs -> {
          String name = rs.getString("name");
          if (DaySummaries.NONE.equals(name)) {
            return;
          }
          Sums of = sums.computeIfAbsent(name, key -> new Sums());
          of.complaints += rs.getLong("complaints");
          of.handled += rs.getLong("handled");
          of.open += rs.getLong("still_open");
          of.responseMet += rs.getLong("response_met");
          of.responseDecided += rs.getLong("response_decided");
          for (int mark = 1; mark <= 5; mark++) {
            of.marks[mark - 1] += rs.getLong("marks_" + mark);
          }
          of.reopened += rs.getLong("reopened");
          of.resolved += rs.getLong("resolved");
          of.planTimes.addAll(rs.getString("plan_times"));
        });
    return sums.entrySet().stream().map(entry -> entry.getValue().appraisal(entry.getKey())).toList();
  }
}
