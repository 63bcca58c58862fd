package com.complaintdesk.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Complaints of the past as a platform would have them: channels, categories, priorities and departments in
 * realistic shares, stage times drawn from skewed distributions, some deadlines missed, some users dissatisfied.
 * Writes what the reports read (complaint, complaint_fact, deadline_breach) straight into the tables, in batches,
 * without the engine: the demo's history of the last weeks (SampleComplaints) and the benchmark's million
 * complaints (bench/). They have no process instance and no contact details. The same seed gives the same data.
 */
public final class ComplaintHistory {

  private static final String[] CHANNELS = {"WEB_FORM", "WEB_FORM", "WEB_FORM", "APP", "APP", "APP", "EMAIL", "EMAIL",
      "HOTLINE", "SOCIAL_MEDIA", "SURVEY"};
  private static final String[][] CATEGORIES = {
      // category, department, share in tenths of a percent
      {"FUNCTIONAL", "TECH_SUPPORT"}, {"FUNCTIONAL", "PRODUCT"}, {"EXPERIENCE", "DESIGN"}, {"CONTENT", "LEGAL"},
      {"SERVICE", "CUSTOMER_SERVICE"}, {"PRICE", "CUSTOMER_SERVICE"}, {"TRANSACTION_DISPUTE", "CUSTOMER_SERVICE"},
      {"INFORMATION_SECURITY", "TECH_SUPPORT"}};
  private static final String[] PRIORITIES = {"CRITICAL", "HIGH", "HIGH", "MEDIUM", "MEDIUM", "MEDIUM", "LOW", "LOW",
      "LOW", "LOW"};
  private static final int HANDLERS_PER_DEPARTMENT = 8;
  private static final int BATCH = 5_000;

  private final DataSource dataSource;
  private final Random random;
  private final SecureRandom tokens = new SecureRandom();
  private final Instant now;

  public ComplaintHistory(DataSource dataSource, long seed, Instant now) {
    this.dataSource = dataSource;
    this.random = new Random(seed);
    this.now = now;
  }

  /** Adds complaints received over the last {@code days} days, numbered on from the highest id there is. */
  public void generate(int complaints, int days) throws SQLException {
    generate(complaints, days, Duration.ZERO);
  }

  /**
   * Adds complaints received over {@code days} days that ended {@code ago} ago; as of now, each is where its
   * stage times have taken it (the older, the likelier closed).
   */
  public void generate(int complaints, int days, Duration ago) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      long firstId = nextId(connection);
      try (PreparedStatement complaint = connection.prepareStatement("""
              insert into complaint (id, tracking_number, access_token, channel, received_at, logged_at, locale,
                declared_type, category, priority, department, handler, status, reopen_count, satisfaction,
                created_at, updated_at, closed_at)
              values (?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
          PreparedStatement fact = connection.prepareStatement("""
              insert into complaint_fact (complaint_id, received_at, received_day, channel, declared_type, category,
                priority, department, handler, status, logged_at, assigned_at, planned_at, resolved_at, closed_at,
                logging_due_at, response_due_at, logging_breached, response_breached, log_seconds, assign_seconds,
                plan_seconds, resolve_seconds, close_seconds, satisfaction, reopen_count, user_not_reached)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
          PreparedStatement breach = connection.prepareStatement(
              "insert into deadline_breach (complaint_id, deadline, due_at, recorded_at) values (?, ?, ?, ?)")) {
        for (int i = 0; i < complaints; i++) {
          write(one(firstId + i, days, ago), complaint, fact, breach);
          if ((i + 1) % BATCH == 0 || i + 1 == complaints) {
            complaint.executeBatch();
            fact.executeBatch();
            breach.executeBatch();
            connection.commit();
          }
        }
      }
      // The ids were given here: the identity must go on after them, or the app's next complaint would take one.
      try (var statement = connection.createStatement()) {
        statement.execute("alter table complaint alter column id restart with " + (firstId + complaints));
      }
      connection.commit();
    }
  }

  private static long nextId(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var result = statement.executeQuery("select coalesce(max(id), 0) + 1 from complaint")) {
      result.next();
      return result.getLong(1);
    }
  }

  /** One generated complaint: when each stage was reached (null: not yet, as of now). */
  private record Generated(long id, String channel, String declaredType, String category, String priority,
      String department, String handler, String status, Instant received, Instant logged, Instant assigned,
      Instant planned, Instant resolved, Instant closed, Instant loggingDue, Instant responseDue,
      boolean loggingBreached, boolean responseBreached, Integer satisfaction, int reopenCount,
      boolean userNotReached) {
  }

  private Generated one(long id, int days, Duration ago) {
    Instant received = now.minus(ago).minus(Duration.ofSeconds((long) (random.nextDouble() * days * 86_400L)));
    String channel = CHANNELS[random.nextInt(CHANNELS.length)];
    String[] routing = CATEGORIES[random.nextInt(CATEGORIES.length)];
    String priority = PRIORITIES[random.nextInt(PRIORITIES.length)];
    boolean staff = !channel.equals("WEB_FORM") && !channel.equals("APP");
    String declaredType = staff || random.nextInt(5) == 0 ? null : routing[0];
    String handler = routing[1].toLowerCase().replace('_', '-') + "-" + (1 + random.nextInt(HANDLERS_PER_DEPARTMENT));
    Instant loggingDue = received.plus(Duration.ofHours(24));
    Instant logged = received.plus(staff ? hours(3, 1.2) : Duration.ZERO);
    Instant assigned = logged.plus(hours(4, 1.0));
    Duration responseTime = switch (priority) {
      case "CRITICAL" -> Duration.ofHours(8);
      case "HIGH" -> Duration.ofDays(1);
      default -> Duration.ofDays(3);
    };
    Instant responseDue = assigned.plus(responseTime);
    Instant planned = assigned.plus(hours(responseTime.toHours() * 0.4, 0.9));
    Instant resolved = planned.plus(hours(120, 0.8));
    Instant closed = resolved.plus(hours(48, 0.6));
    int reopenCount = random.nextInt(100) < 6 ? 1 + random.nextInt(2) : 0;
    boolean withdrawn = random.nextInt(100) < 3;
    String status;
    if (withdrawn && closed.isBefore(now)) {
      status = "WITHDRAWN";
      resolved = null;
    } else {
      status = closed.isBefore(now) ? "CLOSED" : resolved.isBefore(now) ? "AWAITING_FEEDBACK"
          : planned.isBefore(now) ? "IN_PROGRESS" : assigned.isBefore(now) ? "ASSIGNED"
          : logged.isBefore(now) ? "CLASSIFIED" : "RECEIVED";
    }
    boolean loggingBreached = logged.isAfter(loggingDue) && loggingDue.isBefore(now);
    boolean responseBreached = planned.isAfter(responseDue) && responseDue.isBefore(now);
    boolean isClosed = status.equals("CLOSED");
    boolean userNotReached = isClosed && random.nextInt(100) < 10;
    Integer satisfaction = isClosed && !userNotReached ? mark() : null;
    return new Generated(id, channel, declaredType, status.equals("RECEIVED") ? null : routing[0],
        status.equals("RECEIVED") ? null : priority, status.equals("RECEIVED") ? null : routing[1],
        reached(assigned) ? handler : null, status, received, reached(logged) ? logged : null,
        reached(assigned) ? assigned : null, reached(planned) ? planned : null,
        resolved != null && reached(resolved) ? resolved : null, isClosed || status.equals("WITHDRAWN") ? closed : null,
        staff ? loggingDue : null, reached(assigned) ? responseDue : null, loggingBreached, responseBreached,
        satisfaction, isClosed ? reopenCount : 0, userNotReached);
  }

  private boolean reached(Instant stage) {
    return stage.isBefore(now);
  }

  /** A duration around a median number of hours, spread as a log-normal distribution with this sigma. */
  private Duration hours(double medianHours, double sigma) {
    return Duration.ofSeconds((long) (medianHours * 3600 * Math.exp(sigma * random.nextGaussian())));
  }

  private int mark() {
    int draw = random.nextInt(100);
    return draw < 5 ? 1 : draw < 13 ? 2 : draw < 28 ? 3 : draw < 63 ? 4 : 5;
  }

  private void write(Generated c, PreparedStatement complaint, PreparedStatement fact, PreparedStatement breach)
      throws SQLException {
    complaint.setLong(1, c.id());
    complaint.setString(2, "CD-H%09d".formatted(c.id()));
    complaint.setString(3, HexFormat.of().formatHex(token()));
    complaint.setString(4, c.channel());
    complaint.setTimestamp(5, Timestamp.from(c.received()));
    setInstant(complaint, 6, c.logged());
    complaint.setString(7, c.declaredType());
    complaint.setString(8, c.category());
    complaint.setString(9, c.priority());
    complaint.setString(10, c.department());
    complaint.setString(11, c.handler());
    complaint.setString(12, c.status());
    complaint.setInt(13, c.reopenCount());
    setInteger(complaint, 14, c.satisfaction());
    complaint.setTimestamp(15, Timestamp.from(c.received()));
    complaint.setTimestamp(16, Timestamp.from(c.received()));
    setInstant(complaint, 17, c.closed());
    complaint.addBatch();

    fact.setLong(1, c.id());
    fact.setTimestamp(2, Timestamp.from(c.received()));
    fact.setObject(3, LocalDate.ofInstant(c.received(), ZoneOffset.UTC));
    fact.setString(4, c.channel());
    fact.setString(5, c.declaredType());
    fact.setString(6, c.category());
    fact.setString(7, c.priority());
    fact.setString(8, c.department());
    fact.setString(9, c.handler());
    fact.setString(10, c.status());
    setInstant(fact, 11, c.logged());
    setInstant(fact, 12, c.assigned());
    setInstant(fact, 13, c.planned());
    setInstant(fact, 14, c.resolved());
    setInstant(fact, 15, c.closed());
    setInstant(fact, 16, c.loggingDue());
    setInstant(fact, 17, c.responseDue());
    fact.setBoolean(18, c.loggingBreached());
    fact.setBoolean(19, c.responseBreached());
    setSeconds(fact, 20, c.received(), c.logged());
    setSeconds(fact, 21, c.logged(), c.assigned());
    setSeconds(fact, 22, c.assigned(), c.planned());
    setSeconds(fact, 23, c.planned(), c.resolved());
    setSeconds(fact, 24, c.status().equals("CLOSED") ? c.resolved() : null, c.closed());
    setInteger(fact, 25, c.satisfaction());
    fact.setInt(26, c.reopenCount());
    fact.setBoolean(27, c.userNotReached());
    fact.addBatch();

    if (c.loggingBreached()) {
      addBreach(breach, c.id(), "LOGGING", c.loggingDue());
    }
    if (c.responseBreached()) {
      addBreach(breach, c.id(), "RESPONSE", c.responseDue());
    }
  }

  // The status page's key: random, as for a real complaint, though nobody holds it.
  private byte[] token() {
    byte[] token = new byte[16];
    tokens.nextBytes(token);
    return token;
  }

  private static void addBreach(PreparedStatement breach, long id, String deadline, Instant due) throws SQLException {
    breach.setLong(1, id);
    breach.setString(2, deadline);
    breach.setTimestamp(3, Timestamp.from(due));
    breach.setTimestamp(4, Timestamp.from(due.plusSeconds(5)));
    breach.addBatch();
  }

  private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setTimestamp(index, Timestamp.from(value));
    }
  }

  private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  private static void setSeconds(PreparedStatement statement, int index, Instant from, Instant to)
      throws SQLException {
    if (from == null || to == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, Duration.between(from, to).toSeconds());
    }
  }
}
