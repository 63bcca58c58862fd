package com.complaintdesk.bench;

import com.complaintdesk.analytics.DashboardFigures;
import com.complaintdesk.analytics.DashboardFilter;
import com.complaintdesk.demo.ComplaintHistory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How fast the dashboard answers with many complaints stored: fills a database with generated complaints (once;
 * a later run reuses them) and times every dashboard view, i.e. all figures of one filter read in one
 * transaction, as the page and the JSON API read them. Prints a table and writes it to bench/results/.
 *
 * <pre>
 * mvn -q test-compile exec:java@bench-dashboard                       # 1,000,000 complaints, H2 file in target/bench
 * mvn -q test-compile exec:java@bench-dashboard -Dbench.complaints=100000
 * mvn -q test-compile exec:java@bench-dashboard -Dbench.url=jdbc:postgresql://127.0.0.1:5432/bench -Dbench.user=postgres
 * </pre>
 */
public final class DashboardBenchmark {

  static final long TARGET_MILLIS = 300;

  /** What to measure on which database. */
  record Settings(String url, String user, String password, int complaints, int runs, Path results) {

    static Settings fromSystemProperties() {
      return new Settings(
          // RETENTION_TIME=0: H2 reuses file space at once; the bulk load would otherwise grow the file to tens of GB.
          // QUERY_CACHE_SIZE=64 as in the app (application.yaml).
          System.getProperty("bench.url", "jdbc:h2:file:./target/bench/dashboard;RETENTION_TIME=0;QUERY_CACHE_SIZE=64"),
          System.getProperty("bench.user", "sa"), System.getProperty("bench.password", ""),
          Integer.getInteger("bench.complaints", 1_000_000), Integer.getInteger("bench.runs", 10),
          Path.of(System.getProperty("bench.results", "bench/results")));
    }
  }

  /** One view's times in milliseconds. */
  record Measured(String view, long complaints, double medianMillis, double maxMillis) {

    boolean withinTarget() {
      return maxMillis <= TARGET_MILLIS;
    }
  }

  private DashboardBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    run(Settings.fromSystemProperties());
  }

  static List<Measured> run(Settings settings) throws SQLException, IOException {
    Instant now = Instant.now();
    prepare(settings, now);
    var dataSource = new SingleConnectionDataSource(settings.url(), settings.user(), settings.password(), true);
    try {
      var jdbc = JdbcClient.create(dataSource);
      var figures = DashboardFigures.over(dataSource);
      LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
      List<Measured> measured = new ArrayList<>();
      for (var view : views(today)) {
        measured.add(measure(view.name(), view.filter(), figures::of, settings.runs()));
      }
      var metaData = dataSource.getConnection().getMetaData();
      String database = metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
      long total = jdbc.sql("select count(*) from complaint_fact").query(Long.class).single();
      report(settings, measured, database, total);
      return measured;
    } finally {
      dataSource.destroy();
    }
  }

  /** Migrates the database, adds the complaints it lacks and summarises them, each step timed. */
  private static void prepare(Settings settings, Instant now) throws SQLException {
    var dataSource = new SingleConnectionDataSource(settings.url(), settings.user(), settings.password(), true);
    try {
      Flyway.configure().dataSource(dataSource).table("complaint_desk_schema_history").baselineOnMigrate(true)
          .load().migrate();
      var jdbc = JdbcClient.create(dataSource);
      long stored = jdbc.sql("select count(*) from complaint").query(Long.class).single();
      if (stored < settings.complaints()) {
        long started = System.nanoTime();
        new ComplaintHistory(dataSource, 42, now).generate((int) (settings.complaints() - stored), 730);
        System.out.printf(Locale.ROOT, "Generated %,d complaints in %.0f s%n", settings.complaints() - stored,
            (System.nanoTime() - started) / 1e9);
      }
      long summarising = System.nanoTime();
      int days = DashboardFigures.over(dataSource).summary().catchUp();
      if (days > 0) {
        System.out.printf(Locale.ROOT, "Summarised %d days in %.0f s%n", days, (System.nanoTime() - summarising) / 1e9);
      }
      if (settings.url().startsWith("jdbc:h2:file:")) {
        // H2 gives back the space the bulk load used only when the database is closed this way.
        jdbc.sql("shutdown compact").update();
      }
    } finally {
      dataSource.destroy();
    }
  }

  record View(String name, DashboardFilter filter) {
  }

  /** The periods the page offers, and filters on top of them. */
  static List<View> views(LocalDate today) {
    LocalDate monthStart = today.withDayOfMonth(1);
    LocalDate lastMonthStart = monthStart.minusMonths(1);
    return List.of(
        new View("last 90 days (the default)", filter(today.minusDays(89), today, null, null, null, null)),
        new View("this month", filter(monthStart, today, null, null, null, null)),
        new View("last month", filter(lastMonthStart, lastMonthStart.with(TemporalAdjusters.lastDayOfMonth()),
            null, null, null, null)),
        new View("this year", filter(today.withDayOfYear(1), today, null, null, null, null)),
        new View("this month, one department", filter(monthStart, today, null, null, null, "TECH_SUPPORT")),
        new View("last 90 days, one channel", filter(today.minusDays(89), today, "EMAIL", null, null, null)),
        new View("last 90 days, one category and priority",
            filter(today.minusDays(89), today, null, "FUNCTIONAL", "HIGH", null)),
        new View("two years (everything)", filter(today.minusDays(729), today, null, null, null, null)));
  }

  private static DashboardFilter filter(LocalDate from, LocalDate to, String channel, String category,
      String priority, String department) {
    return new DashboardFilter(from, to, channel, category, priority, department);
  }

  private static Measured measure(String name, DashboardFilter filter,
      Function<DashboardFilter, com.complaintdesk.analytics.Dashboard> view, int runs) {
    view.apply(filter);
    view.apply(filter);
    double[] millis = new double[runs];
    long complaints = 0;
    for (int run = 0; run < runs; run++) {
      long started = System.nanoTime();
      complaints = view.apply(filter).volume().complaints();
      millis[run] = (System.nanoTime() - started) / 1e6;
    }
    Arrays.sort(millis);
    return new Measured(name, complaints, millis[runs / 2], millis[runs - 1]);
  }

  private static void report(Settings settings, List<Measured> measured, String database, long total)
      throws IOException {
    var runtime = Runtime.getRuntime();
    String machine = "%d cores, %.1f GB max heap, Java %s (%s), %s".formatted(runtime.availableProcessors(),
        runtime.maxMemory() / 1e9, System.getProperty("java.version"), System.getProperty("java.vm.name"), database);
    var markdown = new StringBuilder()
        .append("# Dashboard views with %,d complaints stored%n%n".formatted(total))
        .append("Measured %s on %s: each view is every figure of one filter, read in one transaction (as the page"
            .formatted(Instant.now().toString().substring(0, 16) + "Z", machine))
        .append(" and `/api/analytics/dashboard` read it), %d runs after 2 warm-up runs. Target: %d ms.%n%n"
            .formatted(settings.runs(), TARGET_MILLIS))
        .append("| view | complaints in it | median ms | max ms | within %d ms |%n|---|---:|---:|---:|---|%n"
            .formatted(TARGET_MILLIS));
    measured.forEach(view -> markdown.append("| %s | %,d | %.0f | %.0f | %s |%n".formatted(view.view(),
        view.complaints(), view.medianMillis(), view.maxMillis(), view.withinTarget() ? "yes" : "**no**")));
    System.out.println();
    System.out.print(markdown);
    var json = new StringBuilder("{\"complaints\": " + total + ", \"machine\": \"" + machine.replace("\"", "'")
        + "\", \"targetMillis\": " + TARGET_MILLIS + ", \"views\": [");
    for (int i = 0; i < measured.size(); i++) {
      var view = measured.get(i);
      json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
          "{\"view\": \"%s\", \"complaints\": %d, \"medianMillis\": %.1f, \"maxMillis\": %.1f}", view.view(),
          view.complaints(), view.medianMillis(), view.maxMillis()));
    }
    json.append("]}\n");
    String name = "dashboard-" + database.split(" ")[0].toLowerCase(Locale.ROOT) + "-" + total;
    Files.createDirectories(settings.results());
    Files.writeString(settings.results().resolve(name + ".md"), markdown);
    Files.writeString(settings.results().resolve(name + ".json"), json);
    System.out.println("Written to " + settings.results().resolve(name + ".md") + " and .json (JVM "
        + ManagementFactory.getRuntimeMXBean().getVmVersion() + ")");
  }
}
