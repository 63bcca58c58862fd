package com.complaintdesk.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The deadlines a complaint missed, as recorded for SLA reporting (table deadline_breach). */
@Component
class DeadlineBreaches {

  /** A missed deadline: which one, when it was due, and when the engine's timer recorded it. */
  record Breach(String deadline, Instant dueAt, Instant recordedAt) {

    /** How long after the due time the timer noticed it: the job executor's delay, usually seconds. */
    public String noticedAfter() {
      return Wording.duration(Duration.between(dueAt, recordedAt));
    }
  }

  private final JdbcClient jdbc;

  DeadlineBreaches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Breach> of(long complaintId) {
    return jdbc.sql("""
            select deadline, due_at, recorded_at from deadline_breach
            where complaint_id = :complaintId order by recorded_at, id
            """)
        .param("complaintId", complaintId)
        .query((rs, row) -> new Breach(rs.getString("deadline"), AuditedComplaints.instant(rs, "due_at"),
            AuditedComplaints.instant(rs, "recorded_at")))
        .list();
  }
}
