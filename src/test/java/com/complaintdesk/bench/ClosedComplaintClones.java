package com.complaintdesk.bench;

import com.complaintdesk.complaint.ComplaintVariables;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many closed complaints, quickly: copies of sample complaints that went through their whole lifecycle, made with
 * {@code INSERT ... SELECT} in batches, on H2 and PostgreSQL alike. A copy is every row a sample left behind:
 * <ul>
 *   <li>in the engine's tables with a ROOT_PROC_INST_ID_ column (history, history byte arrays, the historic task
 *       authorizations), the sample's rows; every column holding an instance-level id keeps its length and gets
 *       the copy's number in place of the UUID's last 12 characters (the node: {@code z} and 11 digits, which no
 *       generated UUID has); definition, deployment, activity, user, group and tenant ids stay;</li>
 *   <li>in ACT_RU_TASK_METER_LOG (one row per task assignment, with no instance id), the rows written while the
 *       samples were walked;</li>
 *   <li>in our tables, the complaint and every row referring to it, with new ids after the highest one there is,
 *       a tracking number of their own ({@code CD-} and the id in ten digits, also the process's business key and
 *       trackingNumber variable), facts already summarised;</li>
 *   <li>in the dashboard's summary, one day's rows for each day that copies were received on and that has none:
 *       a real database holds a summary per day, not per complaint.</li>
 * </ul>
 * Copy n is received 1 + (n mod {@value #SPREAD_DAYS}) days before its sample (every timestamp and date of it
 * moves by that): a database of closed complaints spread over two years, the engine history's time to live.
 * Identities restart after the highest id. Closed complaints leave no other runtime rows behind; tables that grew
 * with the samples but are not copied are named by {@link #notCopied}.
 */
final class ClosedComplaintClones {

  static final int SPREAD_DAYS = 730;
  /** Complaints per statement; each batch of statements commits on its own. */
  private static final int COMPLAINTS_PER_BATCH = 500;
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
  private static final String TASK_METER_LOG = "ACT_RU_TASK_METER_LOG";
  private static final String DAY_SUMMARY = "COMPLAINT_DAY_SUMMARY";
  /** Id columns (ID_ or *_ID_) that name no instance: kept as the sample has them. */
  private static final Set<String> NOT_INSTANCE_IDS = Set.of("DEPLOYMENT_ID_", "TENANT_ID_", "USER_ID_", "GROUP_ID_",
      "START_USER_ID_", "CREATE_USER_ID_", "ASSIGNER_ID_", "ACT_ID_", "FAILED_ACT_ID_", "START_ACT_ID_", "END_ACT_ID_",
      "ACTIVITY_ID_", "FAILED_ACTIVITY_ID_", "CLAUSE_ID_", "RULE_ID_", "DEC_REQ_ID_", "WORKER_ID_");

  /** A sample: our complaint and its process instance. */
  record Sample(long complaintId, String processInstanceId) {
  }

  /** A copy: enough to find it through the app. */
  record Copy(String trackingNumber, String processInstanceId) {
  }

  /** What one call of {@link #add} did. */
  record Added(int copiesPerSample, long complaints, long rows, Duration took, Copy lastCopy) {
  }

  /** How a table's rows of the samples are found. */
  private enum Rule {
    /** ROOT_PROC_INST_ID_ is a sample's process instance. */
    INSTANCE,
    /** Written while the samples were walked. */
    WINDOW,
    /** ID (the complaint table) or COMPLAINT_ID is a sample's complaint. */
    COMPLAINT
  }

  private record Column(String name, String type, boolean identity) {

    boolean time() {
      return type.startsWith("TIMESTAMP") || type.equals("DATE");
    }

    boolean instanceId() {
      return type.startsWith("CHARACTER VARYING") && (name.equals("ID_") || name.endsWith("_ID_"))
          && !name.contains("DEF_") && !NOT_INSTANCE_IDS.contains(name);
    }
  }

  private record Table(String name, Rule rule, List<Column> columns, long sampleRows, long minId, long span) {

    boolean has(String column) {
      return columns.stream().anyMatch(c -> c.name().equals(column));
    }

    String idColumn() {
      return name.equals("COMPLAINT") ? "ID" : "COMPLAINT_ID";
    }
  }

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final boolean postgres;
  private final List<Sample> samples;
  private final Timestamp walkedFrom;
  private final Timestamp walkedUntil;
  private final LocalDate sampleDay;
  private final Map<String, List<Column>> columns;
  private final List<Table> tables = new ArrayList<>();
  private long copiesPerSample;

  /** The samples, walked to CLOSED between the two instants. */
  ClosedComplaintClones(DataSource dataSource, boolean postgres, List<Sample> samples, Instant walkedFrom,
      Instant walkedUntil) {
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.postgres = postgres;
    this.samples = List.copyOf(samples);
    this.walkedFrom = Timestamp.from(walkedFrom);
    this.walkedUntil = Timestamp.from(walkedUntil);
    this.columns = columns();
    this.sampleDay = jdbc.sql("select max(received_day) from complaint_fact where complaint_id in (" + complaintIds()
        + ")").query(LocalDate.class).single();
    for (var entry : columns.entrySet()) {
      Rule rule = ruleOf(entry.getKey(), entry.getValue());
      if (rule != null) {
        var table = describe(entry.getKey(), rule, entry.getValue());
        if (table.sampleRows() > 0) {
          checkInstanceIds(table);
          tables.add(table);
        }
      }
    }
    tables.sort(Comparator.comparing(table -> !table.name().equals("COMPLAINT"))); // inserted first: referred to
  }

  int samples() {
    return samples.size();
  }

  /** The copies' rows per sample complaint, by table (upper case); the summary's rows are per day, not here. */
  Map<String, Long> rowsPerSample() {
    return tables.stream().collect(Collectors.toMap(Table::name, t -> t.sampleRows() / samples.size(), Long::sum,
        LinkedHashMap::new));
  }

  /** Of the tables that grew (by name), those not copied: their growth with the samples is not in the copies. */
  List<String> notCopied(Set<String> grown) {
    var copied = tables.stream().map(Table::name).collect(Collectors.toSet());
    return grown.stream().filter(table -> !copied.contains(table) && !table.equals(DAY_SUMMARY)).sorted().toList();
  }

  /**
   * Adds {@code copies} copies of every sample, a batch at a time, until done or until {@code stop} says so between
   * two batches; checks them and restarts our identities after them. The copies added may be fewer (even none).
   */
  Added add(int copies, BooleanSupplier stop) throws SQLException {
    long started = System.nanoTime();
    long first = copiesPerSample + 1;
    long last = copiesPerSample + copies;
    var bases = new LinkedHashMap<String, Long>();
    for (var table : tables) {
      if (table.columns().stream().anyMatch(Column::identity)) {
        bases.put(table.name(), jdbc.sql("select coalesce(max(id), 0) from " + table.name()).query(Long.class).single());
      }
    }
    var inserted = new LinkedHashMap<String, Long>();
    long reached = first - 1;
    String retentionTime = h2RetentionTime();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      if (retentionTime != null) {
        execute(connection, "set retention_time 0"); // H2 reuses freed space at once: the file grows less
      }
      try {
        long batch = Math.max(1, COMPLAINTS_PER_BATCH / samples.size());
        long reported = System.nanoTime();
        for (long from = first; from <= last && !stop.getAsBoolean(); from += batch) {
          long until = Math.min(last, from + batch - 1);
          for (var table : tables) {
            inserted.merge(table.name(), (long) execute(connection, insert(table, from, until, first, bases)), Long::sum);
          }
          connection.commit();
          reached = until;
          if (System.nanoTime() - reported > PROGRESS_EVERY.toNanos()) {
            reported = System.nanoTime();
            System.out.printf(Locale.ROOT, "e: %,d of %,d complaints copied%n", (reached - first + 1) * samples.size(),
                (long) copies * samples.size());
          }
        }
        if (reached >= first) {
          String summaries = summaryDays(first, reached);
          if (summaries != null) {
            execute(connection, summaries);
          }
          for (var base : bases.entrySet()) {
            var table = tables.stream().filter(t -> t.name().equals(base.getKey())).findFirst().orElseThrow();
            execute(connection, "alter table " + table.name() + " alter column id restart with "
                + (base.getValue() + (reached - first + 1) * table.span() + 1));
          }
          connection.commit();
        }
      } finally {
        if (retentionTime != null) {
          execute(connection, "set retention_time " + retentionTime);
          connection.commit();
        }
      }
    }
    copiesPerSample = reached;
    int added = (int) (reached - first + 1);
    for (var table : tables) {
      long expected = table.sampleRows() * added;
      if (inserted.getOrDefault(table.name(), 0L) != expected) {
        throw new IllegalStateException(table.name() + ": " + inserted.get(table.name()) + " rows copied, expected "
            + expected);
      }
    }
    return new Added(added, (long) added * samples.size(), inserted.values().stream().mapToLong(Long::longValue).sum(),
        Duration.ofNanos(System.nanoTime() - started), added == 0 ? null : checkLastCopy(first, reached, bases));
  }

  /** The statement copying a table's sample rows as copies {@code from} to {@code until} of this call's first. */
  private String insert(Table table, long from, long until, long first, Map<String, Long> bases) {
    var values = new ArrayList<String>();
    for (var column : table.columns()) {
      values.add(value(table, column, first, bases));
    }
    String names = table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    return "insert into " + table.name() + " (" + names + ") select " + String.join(", ", values) + " from "
        + table.name() + " t " + samplesJoin(table) + "cross join generate_series(" + from + ", " + until + ") r(x)"
        + " where " + sampleFilter(table);
  }

  private String value(Table table, Column column, long first, Map<String, Long> bases) {
    String name = column.name();
    String t = "t." + name;
    if (column.time()) {
      return t + " - (1 + mod(r.x, " + SPREAD_DAYS + ")) * interval '1' day";
    }
    if (table.rule() == Rule.COMPLAINT) {
      return switch (name) {
        case "ID" -> table.name().equals("COMPLAINT") ? complaintId(t, first, bases) : newId(table, t, first, bases);
        case "COMPLAINT_ID" -> complaintId(t, first, bases);
        case "TRACKING_NUMBER" -> trackingNumber(complaintId("t.ID", first, bases));
        case "PROCESS_INSTANCE_ID" -> copiedId(t);
        case "SUMMARY_PENDING" -> "false";
        default -> t;
      };
    }
    if (column.instanceId()) {
      return copiedId(t);
    }
    if (table.rule() == Rule.INSTANCE && name.equals("BUSINESS_KEY_")) {
      return trackingNumber(complaintId("s.cid", first, bases));
    }
    if (table.rule() == Rule.INSTANCE && name.equals("TEXT_") && table.has("NAME_")) {
      return "case when t.NAME_ = '" + ComplaintVariables.TRACKING_NUMBER + "' then "
          + trackingNumber(complaintId("s.cid", first, bases)) + " else t.TEXT_ end";
    }
    return t;
  }

  /** An instance id of copy r.x: the UUID's node replaced. */
  private static String copiedId(String column) {
    return "left(" + column + ", length(" + column + ") - 12) || 'z' || lpad(cast(r.x as varchar(20)), 11, '0')";
  }

  static String copiedId(String id, long copy) {
    return id.substring(0, id.length() - 12) + "z" + String.format(Locale.ROOT, "%011d", copy);
  }

  private String complaintId(String sampleId, long first, Map<String, Long> bases) {
    var complaint = tables.get(0);
    return newId(complaint, sampleId, first, bases);
  }

  /** Copy r.x's id of a row: after the table's highest id, each copy a block as wide as the samples' ids. */
  private static String newId(Table table, String sampleId, long first, Map<String, Long> bases) {
    return "(" + bases.get(table.name()) + " + (r.x - " + first + ") * " + table.span() + " + (" + sampleId + " - "
        + table.minId() + ") + 1)";
  }

  private static String trackingNumber(String id) {
    return "'CD-' || lpad(cast(" + id + " as varchar(20)), 10, '0')";
  }

  /**
   * The summary of the samples' day for every day that copies from..until were received on and that has none yet
   * (the days are few: looked up here rather than per row in SQL).
   */
  private String summaryDays(long from, long until) {
    var summarised = new HashSet<>(jdbc.sql("select distinct received_day from " + DAY_SUMMARY)
        .query(LocalDate.class).list());
    var offsets = new TreeSet<Long>();
    for (long copy = from; copy <= until && offsets.size() < SPREAD_DAYS; copy++) {
      long days = 1 + copy % SPREAD_DAYS;
      if (!summarised.contains(sampleDay.minusDays(days))) {
        offsets.add(days);
      }
    }
    if (offsets.isEmpty()) {
      return null;
    }
    var names = columns.get(DAY_SUMMARY).stream().map(Column::name).toList();
    String values = names.stream()
        .map(n -> n.equals("RECEIVED_DAY") ? "t.RECEIVED_DAY - d.k * interval '1' day" : "t." + n)
        .collect(Collectors.joining(", "));
    return "insert into " + DAY_SUMMARY + " (" + String.join(", ", names) + ") select " + values + " from "
        + DAY_SUMMARY + " t cross join (values " + offsets.stream().map(k -> "(" + k + ")")
        .collect(Collectors.joining(", ")) + ") d(k) where t.RECEIVED_DAY = date '" + sampleDay + "'";
  }

  private String sampleFilter(Table table) {
    return switch (table.rule()) {
      case INSTANCE -> "1 = 1";
      case WINDOW -> "t.TIMESTAMP_ between timestamp '" + walkedFrom + "' and timestamp '" + walkedUntil + "'";
      case COMPLAINT -> "t." + table.idColumn() + " in (" + complaintIds() + ")";
    };
  }

  /** For an engine table found by instance: the samples' process instances (s.pid) and complaints (s.cid). */
  private String samplesJoin(Table table) {
    return table.rule() != Rule.INSTANCE ? "" : "join (values " + samples.stream().map(s -> "('"
        + s.processInstanceId().replace("'", "''") + "', " + s.complaintId() + ")").collect(Collectors.joining(", "))
        + ") s(pid, cid) on t.ROOT_PROC_INST_ID_ = s.pid ";
  }

  private String complaintIds() {
    return samples.stream().map(s -> String.valueOf(s.complaintId())).collect(Collectors.joining(", "));
  }

  /** How the samples' rows of a table are found, or null: not copied. */
  private Rule ruleOf(String table, List<Column> columns) {
    if (table.startsWith("ACT_")) {
      return columns.stream().anyMatch(c -> c.name().equals("ROOT_PROC_INST_ID_")) ? Rule.INSTANCE
          : table.equals(TASK_METER_LOG) ? Rule.WINDOW : null;
    }
    if (table.equals("COMPLAINT")) {
      return Rule.COMPLAINT;
    }
    // ours referring to a complaint, when a copy's key can be new: an identity id, or the complaint's id itself
    boolean refers = columns.stream().anyMatch(c -> c.name().equals("COMPLAINT_ID"));
    boolean identity = columns.stream().anyMatch(c -> c.name().equals("ID") && c.identity());
    return refers && (identity || primaryKey(table).equals(List.of("COMPLAINT_ID"))) ? Rule.COMPLAINT : null;
  }

  /** The table with its samples' rows counted and, for an identity id, the range of their ids. */
  private Table describe(String name, Rule rule, List<Column> columns) {
    var table = new Table(name, rule, columns, 0, 0, 0);
    String from = " from " + name + " t " + samplesJoin(table) + "where " + sampleFilter(table);
    long rows = jdbc.sql("select count(*)" + from).query(Long.class).single();
    if (rows == 0 || rule != Rule.COMPLAINT || !table.has("ID")) {
      return new Table(name, rule, columns, rows, 0, 0);
    }
    var range = jdbc.sql("select min(t.ID), max(t.ID)" + from).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
    return new Table(name, rule, columns, rows, range[0], range[1] - range[0] + 1);
  }

  /** Fails unless every instance id of the samples ends in a UUID's node (so that a copy can replace it). */
  private void checkInstanceIds(Table table) {
    for (var column : table.columns()) {
      boolean copied = table.rule() == Rule.COMPLAINT ? column.name().equals("PROCESS_INSTANCE_ID") : column.instanceId();
      if (!copied) {
        continue;
      }
      String c = "t." + column.name();
      long odd = jdbc.sql("select count(*) from " + table.name() + " t " + samplesJoin(table) + "where "
              + sampleFilter(table) + " and " + c + " is not null and (length(" + c + ") < 13 or substring(" + c
              + ", length(" + c + ") - 12, 1) <> '-')")
          .query(Long.class).single();
      if (odd > 0) {
        throw new IllegalStateException(table.name() + "." + column.name() + " holds " + odd
            + " ids of the samples that do not end in a UUID: copies cannot be given ids of their own");
      }
    }
  }

  /** Every table's rows of the last copy of the first sample: as many as the sample has. */
  private Copy checkLastCopy(long first, long last, Map<String, Long> bases) {
    var sample = samples.get(0);
    var complaint = tables.get(0);
    long copyId = bases.get(complaint.name()) + (last - first) * complaint.span() + (sample.complaintId()
        - complaint.minId()) + 1;
    String copyInstance = copiedId(sample.processInstanceId(), last);
    for (var table : tables) {
      String column = table.rule() == Rule.INSTANCE ? "ROOT_PROC_INST_ID_" : table.rule() == Rule.COMPLAINT
          ? table.idColumn() : null;
      if (column == null) {
        continue;
      }
      Object original = table.rule() == Rule.INSTANCE ? sample.processInstanceId() : sample.complaintId();
      Object copy = table.rule() == Rule.INSTANCE ? copyInstance : copyId;
      String count = "select count(*) from " + table.name() + " where " + column + " = :id";
      long expected = jdbc.sql(count).param("id", original).query(Long.class).single();
      long found = jdbc.sql(count).param("id", copy).query(Long.class).single();
      if (found != expected) {
        throw new IllegalStateException(table.name() + ": copy " + last + " of complaint " + sample.complaintId()
            + " has " + found + " rows, the sample " + expected);
      }
    }
    return new Copy("CD-" + String.format(Locale.ROOT, "%010d", copyId), copyInstance);
  }

  private Map<String, List<Column>> columns() {
    var byTable = new LinkedHashMap<String, List<Column>>();
    jdbc.sql("select table_name, column_name, data_type, is_identity from information_schema.columns"
            + " where table_schema = current_schema order by table_name, ordinal_position")
        .query((rs, n) -> {
          byTable.computeIfAbsent(rs.getString(1).toUpperCase(Locale.ROOT), t -> new ArrayList<>())
              .add(new Column(rs.getString(2).toUpperCase(Locale.ROOT), rs.getString(3).toUpperCase(Locale.ROOT),
                  "YES".equalsIgnoreCase(rs.getString(4))));
          return null;
        }).list();
    return byTable;
  }

  private List<String> primaryKey(String table) {
    return jdbc.sql("select k.column_name from information_schema.table_constraints c"
            + " join information_schema.key_column_usage k on k.constraint_name = c.constraint_name"
            + " and k.table_schema = c.table_schema and k.table_name = c.table_name"
            + " where c.constraint_type = 'PRIMARY KEY' and c.table_schema = current_schema"
            + " and upper(c.table_name) = :table order by k.ordinal_position")
        .param("table", table).query(String.class).list().stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
  }

  /** H2's RETENTION_TIME (a database setting that persists), or null on PostgreSQL. */
  private String h2RetentionTime() {
    return postgres ? null : jdbc.sql("select setting_value from information_schema.settings"
        + " where setting_name = 'RETENTION_TIME'").query(String.class).list().stream().findFirst().orElse(null);
  }

  private static int execute(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(sql);
      return Math.max(0, statement.getUpdateCount());
    }
  }
}
