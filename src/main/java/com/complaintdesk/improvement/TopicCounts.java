package com.complaintdesk.improvement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts the complaints of topics over time, from the complaint table and the keywords recorded at logging. A repeat
 * of another complaint (closed as its duplicate, or linked to it) does not count again; nor does a complaint not yet
 * classified.
 */
@Repository
public class TopicCounts {

  private static final String COUNTED = """
      c.received_at >= :from and c.received_at < :to and c.category is not null and c.duplicate_of is null
      """;

  private final JdbcClient jdbc;

  TopicCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The topics that had more complaints in the window {@code [windowFrom, to)} than on average in the
   * {@code baselineWindows} windows before it: only these can be hot.
   */
  public List<TopicCount> rising(Instant windowFrom, Instant to, int baselineWindows) {
    Instant from = windowFrom.minus(java.time.Duration.between(windowFrom, to).multipliedBy(baselineWindows));
    String recent = "sum(case when c.received_at >= :windowFrom then 1 else 0 end)";
    String baseline = "sum(case when c.received_at < :windowFrom then 1 else 0 end)";
    List<TopicCount> counts = new ArrayList<>();
    counts.addAll(jdbc.sql("select c.category, null as keyword, " + recent + " as recent, " + baseline + " as baseline"
            + " from complaint c where " + COUNTED
            + " group by c.category having " + recent + " * :windows > " + baseline)
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .param("windowFrom", Timestamp.from(windowFrom)).param("windows", baselineWindows)
        .query((row, n) -> new TopicCount(Topic.of(row.getString("category"), null), row.getInt("recent"),
            row.getInt("baseline"), baselineWindows))
        .list());
    counts.addAll(jdbc.sql("select c.category, k.keyword, " + recent + " as recent, " + baseline + " as baseline"
            + " from complaint_keyword k join complaint c on c.id = k.complaint_id where " + COUNTED
            + " group by c.category, k.keyword having " + recent + " * :windows > " + baseline)
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .param("windowFrom", Timestamp.from(windowFrom)).param("windows", baselineWindows)
        .query((row, n) -> new TopicCount(Topic.of(row.getString("category"), row.getString("keyword")),
            row.getInt("recent"), row.getInt("baseline"), baselineWindows))
        .list());
    return counts;
  }

  /** How many complaints the topic had in {@code [from, to)}. */
  public int count(Topic topic, Instant from, Instant to) {
    return jdbc.sql("select count(*) from complaint c where " + COUNTED + ofTopic(topic))
        .params(topicParameters(topic, from, to))
        .query(Integer.class).single();
  }

  /** How many of the topic's complaints in {@code [from, to)} an open improvement action is already about. */
  public int underWay(Topic topic, Instant from, Instant to) {
    return jdbc.sql("select count(*) from complaint c where " + COUNTED + ofTopic(topic)
            + " and exists (select 1 from improvement_action_complaint l"
            + " join improvement_action a on a.id = l.improvement_action_id"
            + " where l.complaint_id = c.id and a.status not in " + ImprovementStatus.ENDED_IN_SQL + ")")
        .params(topicParameters(topic, from, to))
        .query(Integer.class).single();
  }

  /** The ids of the topic's complaints in {@code [from, to)}, latest first. */
  public List<Long> complaints(Topic topic, Instant from, Instant to, int limit) {
    return jdbc.sql("select c.id from complaint c where " + COUNTED + ofTopic(topic)
            + " order by c.received_at desc, c.id desc limit :limit")
        .params(topicParameters(topic, from, to))
        .param("limit", limit)
        .query(Long.class).list();
  }

  /** The department that handled most of the topic's complaints in {@code [from, to)}, if any was routed. */
  public Optional<String> usualDepartment(Topic topic, Instant from, Instant to) {
    return jdbc.sql("select c.department from complaint c where " + COUNTED + ofTopic(topic)
            + " and c.department is not null group by c.department order by count(*) desc, c.department limit 1")
        .params(topicParameters(topic, from, to))
        .query(String.class).optional();
  }

  private static String ofTopic(Topic topic) {
    return " and c.category = :category" + (topic.wholeCategory() ? ""
        : " and exists (select 1 from complaint_keyword k where k.complaint_id = c.id and k.keyword = :keyword)");
  }

  private static java.util.Map<String, Object> topicParameters(Topic topic, Instant from, Instant to) {
    var parameters = TopicColumns.parameters(topic);
    parameters.put("from", Timestamp.from(from));
    parameters.put("to", Timestamp.from(to));
    return parameters;
  }
}
