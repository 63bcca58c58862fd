package com.complaintdesk.analytics;

import com.complaintdesk.analytics.Dashboard.Count;
import com.complaintdesk.analytics.Dashboard.Satisfaction;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The users' verdicts: satisfaction marks, reopenings and users not reached for their feedback. */
@Component
class SatisfactionFigures {

  private final JdbcClient jdbc;

  SatisfactionFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Satisfaction satisfaction(DashboardFilter filter) {
    var rows = SummaryRows.of(filter);
    return jdbc.sql("""
            select sum(marks_1) as marks_1, sum(marks_2) as marks_2, sum(marks_3) as marks_3, sum(marks_4) as marks_4,
              sum(marks_5) as marks_5, sum(reopened) as reopened, sum(resolved) as resolved,
              sum(not_reached) as not_reached, sum(feedback_due) as feedback_due
            from complaint_day_summary where %s
            """.formatted(rows.where()))
        .params(rows.parameters())
        .query((rs, row) -> {
          long[] marks = new long[5];
          for (int mark = 1; mark <= 5; mark++) {
            marks[mark - 1] = rs.getLong("marks_" + mark);
          }
          long reopened = rs.getLong("reopened");
          long resolved = rs.getLong("resolved");
          long notReached = rs.getLong("not_reached");
          long feedbackDue = rs.getLong("feedback_due");
          return new Satisfaction(
              IntStream.rangeClosed(1, 5).mapToObj(mark -> new Count(String.valueOf(mark), marks[mark - 1])).toList(),
              averageMark(marks), reopened, resolved, Figures.percent(reopened, resolved), notReached, feedbackDue,
              Figures.percent(notReached, feedbackDue));
        })
        .single();
  }

  /** The average of marks 1 to 5 given counts of each; null when nobody gave one. */
  static Double averageMark(long[] marks) {
    long users = 0;
    long sum = 0;
    for (int mark = 1; mark <= marks.length; mark++) {
      users += marks[mark - 1];
      sum += mark * marks[mark - 1];
    }
    return users == 0 ? null : Figures.average((double) sum / users);
  }
}
