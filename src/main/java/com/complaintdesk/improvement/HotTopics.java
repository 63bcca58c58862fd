package com.complaintdesk.improvement;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The alerts of the hot-topic watch (table hot_topic) and the lock that lets one watch decide at a time. */
@Repository
class HotTopics {

  private final JdbcClient jdbc;

  HotTopics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the watch's row until the transaction ends: a second watch (another node, or a repeated timer) waits here,
   * then sees the alerts the first one recorded.
   */
  void lockWatch(Instant now) {
    jdbc.sql("select id from hot_topic_watch where id = 1 for update").query(Integer.class).single();
    jdbc.sql("update hot_topic_watch set last_run_at = :now where id = 1").param("now", Timestamp.from(now)).update();
  }

  boolean alertedSince(Topic topic, Instant since) {
    var parameters = TopicColumns.parameters(topic);
    parameters.put("since", Timestamp.from(since));
    return jdbc.sql("select count(*) from hot_topic where " + TopicColumns.match(topic) + " and detected_at >= :since")
        .params(parameters).query(Integer.class).single() > 0;
  }

  long record(TopicCount count, Instant windowFrom, Instant now) {
    var key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into hot_topic (category, keyword, detected_at, window_from, recent_count, weekly_average)
            values (:category, :keyword, :now, :windowFrom, :recent, :average)
            """)
        .param("category", count.topic().category())
        .param("keyword", count.topic().keyword())
        .param("now", Timestamp.from(now))
        .param("windowFrom", Timestamp.from(windowFrom))
        .param("recent", count.recent())
        .param("average", count.weeklyAverage())
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  void linkAction(long hotTopicId, long actionId) {
    jdbc.sql("update hot_topic set improvement_action_id = :action where id = :id")
        .param("action", actionId).param("id", hotTopicId).update();
  }

}
