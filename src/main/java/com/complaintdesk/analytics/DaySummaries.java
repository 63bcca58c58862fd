package com.complaintdesk.analytics;

import com.complaintdesk.complaint.ComplaintStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the dashboard's summary of one day of receipt from that day's facts: for each of the 16 combinations of
 * filters (channel, category, priority, department: a value, or * for all) a row per combination of values, also
 * split by the status of the open complaints (backlog), and under at most two filters by declared type (hot
 * topics) and by handler (appraisal). A day is summarised anew, whole, whenever one
 * of its facts changed: a day holds at most a few thousand complaints, so that takes milliseconds.
 */
@Component
class DaySummaries {

  static final String ALL = "*";
  static final String NONE = "NONE";
  static final String DECLARED_TYPE = "declared_type";
  static final String HANDLER = "handler";
  /** Open complaints only, split by their status: the backlog. */
  static final String OPEN_STATUS = "open_status";
  /**
   * Split by declared type and by handler only under at most two filters: under more, nearly every complaint
   * would be a row of its own; those views read the facts (VolumeFigures, AppraisalFigures). The split of the
   * open complaints by status is under every combination: only the recent days hold open complaints.
   */
  static final int MAX_BROKEN_DOWN_FILTERS = 2;
  /** The filter dimensions in the order of the bits of the summary's {@code filters} column. */
  static final List<String> DIMENSIONS = List.of("channel", "category", "priority", "department");

  private final JdbcTemplate batches;
  private final JdbcClient jdbc;

  DaySummaries(JdbcTemplate jdbc) {
    this.batches = jdbc;
    this.jdbc = JdbcClient.create(jdbc);
  }

  /** The counts of one summary row. */
  private static final class Tally {
    long complaints;
    long loggingMet;
    long loggingDecided;
    long responseMet;
    long responseDecided;
    long handled;
    long stillOpen;
    final long[] marks = new long[5];
    long reopened;
    long resolved;
    long notReached;
    long feedbackDue;
    final DurationHistogram[] times = {new DurationHistogram(), new DurationHistogram(), new DurationHistogram(),
        new DurationHistogram(), new DurationHistogram()};

    void add(Fact fact) {
      complaints++;
      if (fact.loggedAt || fact.loggingBreached) {
        loggingDecided++;
        loggingMet += fact.loggedInTime ? 1 : 0;
      }
      if (fact.plannedAt || fact.responseBreached) {
        responseDecided++;
        responseMet += fact.plannedInTime ? 1 : 0;
      }
      handled += "CLOSED".equals(fact.status) ? 1 : 0;
      stillOpen += fact.open ? 1 : 0;
      if (fact.satisfaction != null && fact.satisfaction >= 1 && fact.satisfaction <= 5) {
        marks[fact.satisfaction - 1]++;
      }
      reopened += fact.reopenCount > 0 ? 1 : 0;
      resolved += fact.resolvedAt ? 1 : 0;
      notReached += fact.userNotReached ? 1 : 0;
      feedbackDue += fact.satisfaction != null || fact.userNotReached ? 1 : 0;
      for (int stage = 0; stage < times.length; stage++) {
        times[stage].add(fact.seconds[stage]);
      }
    }
  }

  /** What the summary needs of a fact. */
  private record Fact(String[] dimensions, String declaredType, String handler, String status, boolean open,
      boolean loggedAt, boolean loggingBreached, boolean loggedInTime, boolean plannedAt, boolean responseBreached,
      boolean plannedInTime, boolean resolvedAt, Integer satisfaction, int reopenCount, boolean userNotReached,
      Long[] seconds) {
  }

  private record Key(int filters, String channel, String category, String priority, String department,
      String breakdown, String breakdownValue) {
  }

  /** Summarises the day anew from its facts, replacing what was there. Runs in the caller's transaction. */
  void summarise(LocalDate day) {
    Map<Key, Tally> tallies = new HashMap<>();
    for (Fact fact : facts(day)) {
      for (int filters = 0; filters < 1 << DIMENSIONS.size(); filters++) {
        String[] values = new String[DIMENSIONS.size()];
        for (int dimension = 0; dimension < values.length; dimension++) {
          values[dimension] = (filters & 1 << dimension) != 0 ? fact.dimensions()[dimension] : ALL;
        }
        add(tallies, new Key(filters, values[0], values[1], values[2], values[3], "", ""), fact);
        if (fact.open()) {
          add(tallies, new Key(filters, values[0], values[1], values[2], values[3], OPEN_STATUS, fact.status()), fact);
        }
        if (Integer.bitCount(filters) > MAX_BROKEN_DOWN_FILTERS) {
          continue;
        }
        if (fact.declaredType() != null) {
          add(tallies, new Key(filters, values[0], values[1], values[2], values[3], DECLARED_TYPE,
              fact.declaredType()), fact);
        }
        if (fact.handler() != null) {
          add(tallies, new Key(filters, values[0], values[1], values[2], values[3], HANDLER, fact.handler()), fact);
        }
      }
    }
    // Along the key (no index on the day alone: the views would take it for their day ranges and read every row).
    jdbc.sql("delete from complaint_day_summary where filters between 0 and :levels and breakdown in"
            + " ('', :declaredType, :handler, :openStatus) and received_day = :day")
        .param("levels", (1 << DIMENSIONS.size()) - 1).param("declaredType", DECLARED_TYPE).param("handler", HANDLER)
        .param("openStatus", OPEN_STATUS).param("day", day).update();
    List<Object[]> rows = new ArrayList<>(tallies.size());
    tallies.forEach((key, tally) -> {
      // Hot topics need counts only, the appraisal per handler only the time to plan: the rest is never read.
      boolean allTimes = key.breakdown().isEmpty();
      rows.add(new Object[] {day, key.filters(), key.channel(), key.category(), key.priority(), key.department(),
          key.breakdown(), key.breakdownValue(), tally.complaints, tally.loggingMet, tally.loggingDecided,
          tally.responseMet, tally.responseDecided, tally.handled, tally.stillOpen, tally.marks[0], tally.marks[1],
          tally.marks[2], tally.marks[3], tally.marks[4], tally.reopened, tally.resolved, tally.notReached,
          tally.feedbackDue, allTimes ? tally.times[0].toString() : null, allTimes ? tally.times[1].toString() : null,
          allTimes || key.breakdown().equals(HANDLER) ? tally.times[2].toString() : null,
          allTimes ? tally.times[3].toString() : null, allTimes ? tally.times[4].toString() : null});
    });
    batches.batchUpdate("""
              insert into complaint_day_summary (received_day, filters, channel, category, priority, department,
                breakdown, breakdown_value, complaints, logging_met, logging_decided, response_met, response_decided,
                handled, still_open, marks_1, marks_2, marks_3, marks_4, marks_5, reopened, resolved, not_reached,
                feedback_due, log_times, assign_times, plan_times, resolve_times, close_times)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """, rows);
  }

  private static void add(Map<Key, Tally> tallies, Key key, Fact fact) {
    tallies.computeIfAbsent(key, k -> new Tally()).add(fact);
  }

  private List<Fact> facts(LocalDate day) {
    return jdbc.sql("""
            select channel, category, priority, department, declared_type, handler, status,
              logged_at is not null as logged, logging_breached,
              logged_at is not null and not logging_breached
                and (logging_due_at is null or logged_at <= logging_due_at) as logged_in_time,
              planned_at is not null as planned, response_breached,
              planned_at is not null and not response_breached
                and (response_due_at is null or planned_at <= response_due_at) as planned_in_time,
              resolved_at is not null as resolved, satisfaction, reopen_count, user_not_reached,
              log_seconds, assign_seconds, plan_seconds, resolve_seconds, close_seconds
            from complaint_fact where received_day = :day
            """)
        .param("day", day)
        .query((rs, row) -> {
          String status = rs.getString("status");
          return new Fact(
              new String[] {rs.getString("channel"), orNone(rs.getString("category")),
                  orNone(rs.getString("priority")), orNone(rs.getString("department"))},
              rs.getString("declared_type"), rs.getString("handler"), status,
              !ComplaintStatus.valueOf(status).isFinal(),
              rs.getBoolean("logged"), rs.getBoolean("logging_breached"), rs.getBoolean("logged_in_time"),
              rs.getBoolean("planned"), rs.getBoolean("response_breached"), rs.getBoolean("planned_in_time"),
              rs.getBoolean("resolved"), (Integer) rs.getObject("satisfaction", Integer.class),
              rs.getInt("reopen_count"), rs.getBoolean("user_not_reached"),
              new Long[] {seconds(rs, "log_seconds"), seconds(rs, "assign_seconds"), seconds(rs, "plan_seconds"),
                  seconds(rs, "resolve_seconds"), seconds(rs, "close_seconds")});
        })
        .list();
  }

  private static Long seconds(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static String orNone(String value) {
    return value == null ? NONE : value;
  }
}
