package com.complaintdesk.analytics;

import com.complaintdesk.analytics.Dashboard.Count;
import com.complaintdesk.analytics.Dashboard.Volume;
import com.complaintdesk.analytics.Dashboard.WeeklyCount;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Volume over time by category and by channel, and the hot topics. */
@Component
class VolumeFigures {

  private static final int HOT_TOPICS = 10;

  private final JdbcClient jdbc;

  VolumeFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Volume volume(DashboardFilter filter) {
    List<WeeklyCount> byCategory = weekly(filter, "category");
    List<WeeklyCount> byChannel = weekly(filter, "channel");
    long complaints = byChannel.stream().mapToLong(WeeklyCount::complaints).sum();
    return new Volume(complaints, byCategory, byChannel, hotTopics(filter));
  }

  // The column is one of two constants, never user input.
  private List<WeeklyCount> weekly(DashboardFilter filter, String column) {
    record DayCount(LocalDate day, String key, long complaints) {
    }
    var rows = SummaryRows.splitBy(filter, column);
    var days = jdbc.sql("select received_day, " + column + " as item, sum(complaints) as complaints"
            + " from complaint_day_summary where " + rows.where() + " group by received_day, " + column)
        .params(rows.parameters())
        .query((rs, row) -> new DayCount(rs.getObject("received_day", LocalDate.class), rs.getString("item"),
            rs.getLong("complaints")))
        .list();
    Map<LocalDate, Map<String, Long>> weeks = new TreeMap<>();
    days.forEach(day -> weeks.computeIfAbsent(Figures.week(day.day()), week -> new TreeMap<>())
        .merge(day.key(), day.complaints(), Long::sum));
    return weeks.entrySet().stream().flatMap(week -> week.getValue().entrySet().stream()
        .map(count -> new WeeklyCount(week.getKey(), count.getKey(), count.getValue()))).toList();
  }

  private List<Count> hotTopics(DashboardFilter filter) {
    var rows = SummaryRows.brokenDownBy(filter, DaySummaries.DECLARED_TYPE);
    String sql = filter.dimensions() <= DaySummaries.MAX_BROKEN_DOWN_FILTERS
        ? "select breakdown_value as declared_type, sum(complaints) as complaints from complaint_day_summary where "
            + rows.where() + " group by breakdown_value"
        // Under several filters few complaints match: they are counted from the facts.
        : "select declared_type, count(*) as complaints from complaint_fact where " + filter.where(null)
            + " and declared_type is not null group by declared_type";
    return jdbc.sql(sql)
        .params(rows.parameters())
        .query((rs, row) -> new Count(rs.getString("declared_type"), rs.getLong("complaints")))
        .list().stream()
        .sorted(Comparator.comparingLong(Count::complaints).reversed().thenComparing(Count::key))
        .limit(HOT_TOPICS).toList();
  }
}
