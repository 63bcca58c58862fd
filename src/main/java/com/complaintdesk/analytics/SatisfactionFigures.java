package com.complaintdesk.analytics;

import com.complaintdesk.analytics.Dashboard.Count;
import com.complaintdesk.analytics.Dashboard.Satisfaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Map<Integer, Long> marks = new HashMap<>();
    jdbc.sql("select satisfaction, count(*) as complaints from complaint_fact where " + filter.where(null)
            + " and satisfaction is not null group by satisfaction")
        .params(filter.parameters())
        .query(rs -> {
          marks.put(rs.getInt("satisfaction"), rs.getLong("complaints"));
        });
    List<Count> distribution = IntStream.rangeClosed(1, 5)
        .mapToObj(mark -> new Count(String.valueOf(mark), marks.getOrDefault(mark, 0L))).toList();
    return jdbc.sql("""
            select avg(cast(satisfaction as double precision)) as average,
              sum(case when reopen_count > 0 then 1 else 0 end) as reopened,
              count(resolved_at) as resolved,
              sum(case when user_not_reached then 1 else 0 end) as not_reached,
              sum(case when satisfaction is not null or user_not_reached then 1 else 0 end) as feedback_due
            from complaint_fact where %s
            """.formatted(filter.where(null)))
        .params(filter.parameters())
        .query((rs, row) -> {
          long reopened = rs.getLong("reopened");
          long resolved = rs.getLong("resolved");
          long notReached = rs.getLong("not_reached");
          long feedbackDue = rs.getLong("feedback_due");
          return new Satisfaction(distribution, Figures.average((Number) rs.getObject("average")), reopened,
              resolved, Figures.percent(reopened, resolved), notReached, feedbackDue,
              Figures.percent(notReached, feedbackDue));
        })
        .single();
  }
}
