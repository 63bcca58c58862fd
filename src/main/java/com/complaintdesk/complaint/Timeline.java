package com.complaintdesk.complaint;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A complaint's timeline, and the one place that moves its status: every status change is an event,
 * so the status page, the audit trail and the reports can never disagree. Each entry is also published as a
 * {@link TimelineRecorded} event to listeners in the same transaction (the reports' facts).
 */
@Component
public class Timeline {

  private final JdbcClient jdbc;
  private final ComplaintRepository complaints;
  private final ApplicationEventPublisher events;

  public Timeline(JdbcClient jdbc, ComplaintRepository complaints, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.complaints = complaints;
    this.events = events;
  }

  public void record(long complaintId, TimelineEventType type, String detail, String actor) {
    // The engine clock, so that tests moving ClockUtil see consistent times in our tables too.
    Instant now = ClockUtil.getCurrentTime().toInstant();
    ComplaintStatus status = type.resultingStatus();
    if (status != null) {
      complaints.recordStatus(complaintId, status, now);
    }
    jdbc.sql("""
            insert into complaint_event (complaint_id, type, status, detail, public_entry, actor, occurred_at)
            values (:complaintId, :type, :status, :detail, :publicEntry, :actor, :occurredAt)
            """)
        .param("complaintId", complaintId)
        .param("type", type.name())
        .param("status", status == null ? null : status.name())
        .param("detail", detail)
        .param("publicEntry", type.isPublic())
        .param("actor", actor)
        .param("occurredAt", ComplaintRepository.timestamp(now))
        .update();
    events.publishEvent(new TimelineRecorded(complaintId, type, now));
  }

  /** Erases the free texts of a complaint's timeline (progress notes, results); types, statuses and times stay. */
  public void eraseDetails(long complaintId) {
    jdbc.sql("update complaint_event set detail = null where complaint_id = :complaintId")
        .param("complaintId", complaintId)
        .update();
  }

  public List<TimelineEvent> of(long complaintId) {
    return jdbc.sql("""
            select type, status, detail, actor, occurred_at from complaint_event
            where complaint_id = :complaintId order by occurred_at, id
            """)
        .param("complaintId", complaintId)
        .query((rs, row) -> new TimelineEvent(
            TimelineEventType.valueOf(rs.getString("type")),
            rs.getString("status") == null ? null : ComplaintStatus.valueOf(rs.getString("status")),
            rs.getString("detail"),
            rs.getString("actor"),
            rs.getTimestamp("occurred_at").toInstant()))
        .list();
  }

  public List<TimelineEvent> publicEntriesOf(long complaintId) {
    return of(complaintId).stream().filter(event -> event.type().isPublic()).toList();
  }
}
