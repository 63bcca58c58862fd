package com.complaintdesk.improvement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The improvement actions and the complaints each is about (tables improvement_action, improvement_action_complaint). */
@Repository
public class ImprovementActionRepository {

  private final JdbcClient jdbc;

  ImprovementActionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(Topic topic, String department, Long hotTopicId, String startedBy, Instant now) {
    var key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into improvement_action (category, keyword, department, hot_topic_id, started_by, status, created_at)
            values (:category, :keyword, :department, :hotTopicId, :startedBy, :status, :now)
            """)
        .param("category", topic.category())
        .param("keyword", topic.keyword())
        .param("department", department)
        .param("hotTopicId", hotTopicId)
        .param("startedBy", startedBy)
        .param("status", ImprovementStatus.OWNER_TO_BE_NAMED.name())
        .param("now", Timestamp.from(now))
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  void link(long actionId, List<Long> complaintIds) {
    complaintIds.forEach(complaintId -> jdbc.sql("""
            insert into improvement_action_complaint (improvement_action_id, complaint_id) values (:action, :complaint)
            """).param("action", actionId).param("complaint", complaintId).update());
  }

  void recordProcessInstance(long id, String processInstanceId) {
    jdbc.sql("update improvement_action set process_instance_id = :instance where id = :id")
        .param("instance", processInstanceId).param("id", id).update();
  }

  public ImprovementAction get(long id) {
    return jdbc.sql("select * from improvement_action where id = :id").param("id", id)
        .query(ImprovementActionRepository::map).optional()
        .orElseThrow(() -> new IllegalArgumentException("No improvement action " + ImprovementAction.referenceOf(id)));
  }

  /** The open action for exactly this topic, if there is one. */
  Optional<ImprovementAction> openFor(Topic topic) {
    return jdbc.sql("select * from improvement_action where " + TopicColumns.match(topic)
            + " and status not in " + ImprovementStatus.ENDED_IN_SQL + " order by id limit 1")
        .params(TopicColumns.parameters(topic))
        .query(ImprovementActionRepository::map).optional();
  }

  /** The latest action about the complaint, for its status page. */
  public Optional<ImprovementStatus> latestFor(long complaintId) {
    return jdbc.sql("""
            select a.status from improvement_action a join improvement_action_complaint l on l.improvement_action_id = a.id
            where l.complaint_id = :complaint order by a.id desc limit 1
            """)
        .param("complaint", complaintId)
        .query(String.class).optional().map(ImprovementStatus::valueOf);
  }

  public List<Long> linkedComplaints(long actionId) {
    return jdbc.sql("select complaint_id from improvement_action_complaint where improvement_action_id = :id"
            + " order by complaint_id").param("id", actionId).query(Long.class).list();
  }

  void recordOwner(long id, String owner) {
    jdbc.sql("update improvement_action set owner = :owner, status = :status where id = :id")
        .param("owner", owner).param("status", ImprovementStatus.PROPOSING.name()).param("id", id).update();
  }

  void recordDeclined(long id, String reason, Instant now) {
    jdbc.sql("update improvement_action set decline_reason = :reason, status = :status, ended_at = :now where id = :id")
        .param("reason", reason).param("status", ImprovementStatus.DECLINED.name()).param("now", Timestamp.from(now))
        .param("id", id).update();
  }

  void recordProposal(long id, String proposal, Instant dueAt) {
    jdbc.sql("update improvement_action set proposal = :proposal, due_at = :dueAt, status = :status where id = :id")
        .param("proposal", proposal).param("dueAt", Timestamp.from(dueAt))
        .param("status", ImprovementStatus.IMPLEMENTING.name()).param("id", id).update();
  }

  void recordImplemented(long id, String outcome, Instant now) {
    jdbc.sql("update improvement_action set outcome = :outcome, implemented_at = :now, status = :status where id = :id")
        .param("outcome", outcome).param("now", Timestamp.from(now))
        .param("status", ImprovementStatus.OBSERVING.name()).param("id", id).update();
  }

  void recordVolumes(long id, BigDecimal before, BigDecimal after) {
    jdbc.sql("update improvement_action set volume_before = :before, volume_after = :after, status = :status"
            + " where id = :id")
        .param("before", before).param("after", after).param("status", ImprovementStatus.VERIFYING.name())
        .param("id", id).update();
  }

  void recordVerification(long id, boolean verified, String note) {
    jdbc.sql("update improvement_action set verification_note = :note, status = :status where id = :id")
        .param("note", note)
        .param("status", (verified ? ImprovementStatus.VERIFYING : ImprovementStatus.IMPLEMENTING).name())
        .param("id", id).update();
  }

  /** Delivered on time when it was carried out (the last time, after any rework) by its due date. */
  void recordDelivered(long id, Instant now) {
    jdbc.sql("""
            update improvement_action set status = :status, ended_at = :now,
              delivered_on_time = case when implemented_at <= due_at then true else false end
            where id = :id
            """)
        .param("status", ImprovementStatus.DELIVERED.name()).param("now", Timestamp.from(now)).param("id", id).update();
  }


  private static ImprovementAction map(ResultSet row, int rowNumber) throws SQLException {
    return new ImprovementAction(row.getLong("id"), Topic.of(row.getString("category"), row.getString("keyword")),
        row.getString("department"), (Long) row.getObject("hot_topic_id", Long.class), row.getString("started_by"),
        ImprovementStatus.valueOf(row.getString("status")), row.getString("owner"), row.getString("proposal"),
        instant(row, "due_at"), row.getString("outcome"), row.getBigDecimal("volume_before"),
        row.getBigDecimal("volume_after"), row.getString("process_instance_id"), instant(row, "created_at"),
        instant(row, "implemented_at"), instant(row, "ended_at"), (Boolean) row.getObject("delivered_on_time", Boolean.class));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
