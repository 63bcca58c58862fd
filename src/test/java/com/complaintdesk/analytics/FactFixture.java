package com.complaintdesk.analytics;

import com.complaintdesk.complaint.ComplaintRepository;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Complaints with facts chosen by a test, in a database of their own (our Flyway migrations on in-memory H2): the
 * figures of such a set have answers known in advance.
 */
final class FactFixture {

  final DataSource dataSource;
  final JdbcClient jdbc;
  private final ComplaintFacts facts;
  private long nextId = 1;

  FactFixture() {
    var h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:facts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource = h2;
    migrate(dataSource);
    jdbc = JdbcClient.create(dataSource);
    facts = new ComplaintFacts(jdbc, new ComplaintRepository(jdbc));
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).table("complaint_desk_schema_history").load().migrate();
  }

  /** A complaint received at an instant; the builder's other steps are counted from it. */
  Builder receivedAt(String instant) {
    return new Builder(nextId++, Instant.parse(instant));
  }

  final class Builder {

    private final long id;
    private final Instant receivedAt;
    private String channel = "WEB_FORM";
    private String declaredType;
    private String category;
    private String priority;
    private String department;
    private String handler;
    private String status = "RECEIVED";
    private Instant loggedAt;
    private Instant assignedAt;
    private Instant plannedAt;
    private Instant resolvedAt;
    private Instant closedAt;
    private Instant loggingDueAt;
    private Instant responseDueAt;
    private boolean loggingBreached;
    private boolean responseBreached;
    private Integer satisfaction;
    private int reopenCount;
    private boolean userNotReached;

    private Builder(long id, Instant receivedAt) {
      this.id = id;
      this.receivedAt = receivedAt;
    }

    Builder channel(String channel) {
      this.channel = channel;
      return this;
    }

    Builder declaredType(String declaredType) {
      this.declaredType = declaredType;
      return this;
    }

    Builder classified(String category, String priority, String department) {
      this.category = category;
      this.priority = priority;
      this.department = department;
      this.status = "CLASSIFIED";
      return this;
    }

    Builder status(String status) {
      this.status = status;
      return this;
    }

    /** Logged this long after receipt, due 24 hours after receipt. */
    Builder loggedAfter(Duration wait) {
      loggedAt = receivedAt.plus(wait);
      loggingDueAt = receivedAt.plus(Duration.ofHours(24));
      loggingBreached = wait.compareTo(Duration.ofHours(24)) > 0;
      return this;
    }

    /** Assigned to a handler this long after logging; the plan is due 3 days after that. */
    Builder assignedAfter(String handler, Duration wait) {
      this.handler = handler;
      assignedAt = loggedAt.plus(wait);
      responseDueAt = assignedAt.plus(Duration.ofDays(3));
      status = "ASSIGNED";
      return this;
    }

    /** The plan this long after the assignment; a late plan is a breach the timer recorded. */
    Builder plannedAfter(Duration wait) {
      plannedAt = assignedAt.plus(wait);
      responseBreached = plannedAt.isAfter(responseDueAt);
      status = "PLANNED";
      return this;
    }

    Builder resolvedAfter(Duration wait) {
      resolvedAt = plannedAt.plus(wait);
      status = "RESOLVED";
      return this;
    }

    Builder closedAfter(Duration wait, Integer satisfaction) {
      closedAt = (resolvedAt != null ? resolvedAt : receivedAt).plus(wait);
      this.satisfaction = satisfaction;
      status = "CLOSED";
      return this;
    }

    Builder reopened(int times) {
      reopenCount = times;
      return this;
    }

    Builder userNotReached() {
      userNotReached = true;
      return this;
    }

    /** Writes the complaint, its fact and, for a missed deadline, the breach its timer records. */
    String save() {
      String trackingNumber = "CD-FACT%07d".formatted(id);
      jdbc.sql("""
              insert into complaint (id, tracking_number, access_token, channel, received_at, locale, status,
                created_at, updated_at)
              values (:id, :trackingNumber, 'token', :channel, :receivedAt, 'en', :status, :receivedAt, :receivedAt)
              """)
          .param("id", id).param("trackingNumber", trackingNumber).param("channel", channel)
          .param("receivedAt", Timestamp.from(receivedAt)).param("status", status)
          .update();
      facts.save(new ComplaintFact(id, receivedAt, channel, declaredType, category, priority, department, handler,
          status, loggedAt, assignedAt, plannedAt, resolvedAt, closedAt, loggingDueAt, responseDueAt, loggingBreached,
          responseBreached, satisfaction, reopenCount, userNotReached), false);
      if (loggingBreached) {
        breach("LOGGING", loggingDueAt);
      }
      if (responseBreached) {
        breach("RESPONSE", responseDueAt);
      }
      return trackingNumber;
    }

    private void breach(String deadline, Instant dueAt) {
      jdbc.sql("insert into deadline_breach (complaint_id, deadline, due_at, recorded_at) values (:id, :deadline, :due, :due)")
          .param("id", id).param("deadline", deadline).param("due", Timestamp.from(dueAt)).update();
    }
  }
}
