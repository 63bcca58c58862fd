package com.complaintdesk.analytics;

import com.complaintdesk.analytics.Dashboard.HotTopicShare;
import com.complaintdesk.analytics.Dashboard.ImprovementCounts;
import com.complaintdesk.analytics.Dashboard.ImprovementVolume;
import com.complaintdesk.analytics.Dashboard.Improvements;
import com.complaintdesk.improvement.ImprovementAction;
import com.complaintdesk.improvement.ImprovementProperties;
import com.complaintdesk.improvement.ImprovementStatus;
import com.complaintdesk.improvement.Topic;
import com.complaintdesk.improvement.TopicVolume;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The improvement actions on the dashboard (tables improvement_action and hot_topic): per department, the share of
 * hot topics that got an action, and the complaints per week of each action's topic before and after it. The period,
 * department and category of the filter apply (the department not to the hot topics: a topic gets its department
 * with its action); channel and priority belong to complaints, not to actions.
 */
@Component
class ImprovementFigures {

  /** The action list reads two counts per action: the latest this many. */
  static final int MAX_ACTIONS = 100;

  private final JdbcClient jdbc;
  private final TopicVolume volume;
  private final ImprovementProperties properties;

  ImprovementFigures(JdbcClient jdbc, TopicVolume volume, ImprovementProperties properties) {
    this.jdbc = jdbc;
    this.volume = volume;
    this.properties = properties;
  }

  Improvements improvements(DashboardFilter filter, Instant now) {
    return new Improvements(byDepartment(filter, now), hotTopics(filter), actions(filter, now));
  }

  private List<ImprovementCounts> byDepartment(DashboardFilter filter, Instant now) {
    Map<String, Object> parameters = parameters(filter);
    parameters.put("now", Timestamp.from(now));
    parameters.put("proposalDue", Timestamp.from(now.minus(properties.proposalTime())));
    return jdbc.sql("""
            select department,
              sum(case when status in %1$s then 0 else 1 end) as still_open,
              sum(case when (status in ('OWNER_TO_BE_NAMED', 'PROPOSING') and created_at < :proposalDue)
                  or (status = 'IMPLEMENTING' and due_at < :now) then 1 else 0 end) as overdue,
              sum(case when status = 'DELIVERED' then 1 else 0 end) as delivered,
              sum(case when status = 'DECLINED' then 1 else 0 end) as declined,
              sum(case when status = 'DELIVERED' and delivered_on_time then 1 else 0 end) as on_time
            from improvement_action
            where (status not in %1$s or (ended_at >= :start and ended_at < :end)) %2$s
            group by department order by department
            """.formatted(ImprovementStatus.ENDED_IN_SQL, attributes(filter)))
        .params(parameters)
        .query((rs, row) -> new ImprovementCounts(rs.getString("department"), rs.getLong("still_open"),
            rs.getLong("overdue"), rs.getLong("delivered"), rs.getLong("declined"), rs.getLong("on_time"),
            Figures.percent(rs.getLong("on_time"), rs.getLong("delivered"))))
        .list();
  }

  // A hot topic "got an action" unless the department's lead declined it.
  private HotTopicShare hotTopics(DashboardFilter filter) {
    return jdbc.sql("""
            select count(*) as hot_topics,
              sum(case when a.id is not null and a.status <> 'DECLINED' then 1 else 0 end) as with_action
            from hot_topic h left join improvement_action a on a.id = h.improvement_action_id
            where h.detected_at >= :start and h.detected_at < :end %s
            """.formatted(filter.category() == null ? "" : "and h.category = :category"))
        .params(parameters(filter))
        .query((rs, row) -> new HotTopicShare(rs.getLong("hot_topics"), rs.getLong("with_action"),
            Figures.percent(rs.getLong("with_action"), rs.getLong("hot_topics"))))
        .single();
  }

  private record Action(long id, Topic topic, String department, String status, Instant createdAt, Instant dueAt,
      Instant implementedAt) {
  }

  // The actions are read first, their topics counted after: no query runs while another's rows are read.
  private List<ImprovementVolume> actions(DashboardFilter filter, Instant now) {
    List<Action> actions = jdbc.sql("""
            select id, category, keyword, department, status, created_at, due_at, implemented_at
            from improvement_action
            where status <> 'DECLINED' and created_at < :end and (ended_at is null or ended_at >= :start) %s
            order by created_at desc, id desc limit %d
            """.formatted(attributes(filter), MAX_ACTIONS))
        .params(parameters(filter))
        .query((rs, row) -> new Action(rs.getLong("id"), Topic.of(rs.getString("category"), rs.getString("keyword")),
            rs.getString("department"), rs.getString("status"), instant(rs, "created_at"), instant(rs, "due_at"),
            instant(rs, "implemented_at")))
        .list();
    return actions.stream().map(action -> new ImprovementVolume(ImprovementAction.referenceOf(action.id()),
        action.topic().label(), action.department(), action.status(), action.createdAt(), action.dueAt(),
        action.implementedAt(), volume.before(action.topic(), action.createdAt()).doubleValue(),
        action.implementedAt() == null ? null
            : volume.after(action.topic(), action.implementedAt(), now).doubleValue())).toList();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  /** The filter's department and category on improvement_action, as {@code and ...} conditions. */
  static String attributes(DashboardFilter filter) {
    return (filter.department() == null ? "" : " and department = :department")
        + (filter.category() == null ? "" : " and category = :category");
  }

  /** The period as instants (from the start of its first UTC day to the end of its last), department and category. */
  static Map<String, Object> parameters(DashboardFilter filter) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("start", Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
    parameters.put("end", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    parameters.put("department", filter.department());
    parameters.put("category", filter.category());
    return parameters;
  }
}
