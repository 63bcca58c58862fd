package com.complaintdesk.analytics;

import com.complaintdesk.analytics.Dashboard.Breach;
import com.complaintdesk.analytics.Dashboard.Compliance;
import com.complaintdesk.analytics.Dashboard.Sla;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deadline compliance and the breaches. A deadline counts once it is decided: met (the step came in time) or
 * missed (its timer recorded a breach, or the step came late). Deadlines still running count for neither.
 * Compliance comes from the summary; the breaches, newest first, from the facts.
 */
@Component
class SlaFigures {

  private static final int MAX_BREACHES = 200;

  private final JdbcClient jdbc;

  SlaFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The counts of one department and day, the grain every SLA figure is summed from. */
  private record Tally(String department, LocalDate day, long loggingMet, long loggingDecided, long responseMet,
      long responseDecided) {

    Tally plus(Tally other) {
      return new Tally(department, day, loggingMet + other.loggingMet, loggingDecided + other.loggingDecided,
          responseMet + other.responseMet, responseDecided + other.responseDecided);
    }

    Compliance compliance(String department, LocalDate week) {
      return new Compliance(department, week, loggingMet, loggingDecided, Figures.percent(loggingMet, loggingDecided),
          responseMet, responseDecided, Figures.percent(responseMet, responseDecided));
    }
  }

  Sla sla(DashboardFilter filter) {
    var rows = SummaryRows.splitBy(filter, "department");
    List<Tally> tallies = jdbc.sql("""
            select department, received_day, sum(logging_met) as logging_met,
              sum(logging_decided) as logging_decided, sum(response_met) as response_met,
              sum(response_decided) as response_decided
            from complaint_day_summary where %s
            group by department, received_day
            """.formatted(rows.where()))
        .params(rows.parameters())
        .query((rs, row) -> new Tally(rs.getString("department"), rs.getObject("received_day", LocalDate.class),
            rs.getLong("logging_met"), rs.getLong("logging_decided"), rs.getLong("response_met"),
            rs.getLong("response_decided")))
        .list();
    Tally none = new Tally(null, null, 0, 0, 0, 0);
    Compliance overall = tallies.stream().reduce(none, Tally::plus).compliance(null, null);
    List<Compliance> byDepartment = sum(tallies, Tally::department).entrySet().stream()
        .map(entry -> entry.getValue().compliance(entry.getKey(), null))
        .sorted(Comparator.comparing(Compliance::department)).toList();
    List<Compliance> byWeek = sum(tallies, tally -> Figures.week(tally.day())).entrySet().stream()
        .map(entry -> entry.getValue().compliance(null, entry.getKey()))
        .sorted(Comparator.comparing(Compliance::week)).toList();
    record Cell(String department, LocalDate week) {
    }
    List<Compliance> byDepartmentAndWeek = sum(tallies, tally -> new Cell(tally.department(), Figures.week(tally.day())))
        .entrySet().stream().map(entry -> entry.getValue().compliance(entry.getKey().department(), entry.getKey().week()))
        .sorted(Comparator.comparing(Compliance::week).thenComparing(Compliance::department))
        .toList();
    return new Sla(overall, byDepartment, byWeek, byDepartmentAndWeek);
  }

  private static <K> Map<K, Tally> sum(List<Tally> tallies, Function<Tally, K> key) {
    return tallies.stream().collect(Collectors.toMap(key, Function.identity(), Tally::plus));
  }

  // Driven from the breaches, newest first along their index, each checked against the filter by its fact: the
  // first 200 that match end the search, however many complaints the period holds. A complaint's breaches come
  // after its receipt, so none before the period need be looked at. The period is written out (see
  // DashboardFilter): PostgreSQL's generic plan for it sorted every breach.
  List<Breach> breaches(DashboardFilter filter) {
    return jdbc.sql("""
            select (select c.tracking_number from complaint c where c.id = b.complaint_id) as tracking_number,
              b.deadline, b.due_at, b.recorded_at,
              (select f.department from complaint_fact f where f.complaint_id = b.complaint_id) as department
            from deadline_breach b
            where b.recorded_at >= timestamp with time zone '%s'
              and exists (select 1 from complaint_fact f where f.complaint_id = b.complaint_id and %s)
            order by b.recorded_at desc
            fetch first %d rows only
            """.formatted(filter.from() + " 00:00:00+00", filter.wherePeriodWrittenOut("f"), MAX_BREACHES))
        .params(filter.parameters())
        .query((rs, row) -> new Breach(rs.getString("tracking_number"), rs.getString("deadline"),
            rs.getTimestamp("due_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
            rs.getString("department")))
        .list();
  }
}
