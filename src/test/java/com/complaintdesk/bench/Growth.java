package com.complaintdesk.bench;

import com.complaintdesk.ProcessDriver;
import com.complaintdesk.analytics.DashboardSummary;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.feedback.ComplainantActions;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.notification.NotificationDispatcher;
import com.complaintdesk.security.ActingUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * e: growth, in the benchmark's JVM (the app's context with the test profile, job executor off, on a fresh H2 file
 * or the PostgreSQL database), with the app's own linking of repeated submissions (a 7-day window: the intake's one
 * query over stored complaints).
 *
 * <p>What a closed complaint leaves behind: {@code --samples} complaints are walked to CLOSED by
 * {@code --lifecycle-threads} threads (scenario b's intake with a contact of its own, then scenario c's lifecycle),
 * their notifications delivered and their day summarised as a node would; every table's rows and bytes
 * ({@link TableSizes}) are counted before and after, per closed complaint.
 *
 * <p>Intake as complaints pile up: for each size of {@code --stored}, the database is filled up to that many
 * complaints with copies of the samples ({@link ClosedComplaintClones}, timed), then scenario b's intake step (a web
 * complaint and its jobs until it waits in Assign handler) runs with the same threads for {@code --seconds} after
 * {@code --warmup}. The samples count as stored, and so do the complaints each step takes in.
 */
final class Growth {

  static final String TARGET = "intake with 1,000,000 stored / empty database";
  private static final int TARGET_STORED = 1_000_000;
  /** The app's own window (application.yaml); the test profile turns linking off. */
  private static final String DUPLICATE_WINDOW = "--complaint-desk.intake.duplicate-window=P7D";
  /** Grows per day of receipt, not per complaint: left out of the sums per complaint. */
  private static final String DAY_SUMMARY = "COMPLAINT_DAY_SUMMARY";
  private static final double KB = 1e3;
  private static final double MB = 1e6;

  private Growth() {
  }

  static List<Figure> run(NodeBenchmark.Settings settings, List<String> notes,
      List<NodeBenchmarkReport.Section> sections) throws Exception {
    int threads = settings.lifecycleThreads();
    Path directory = settings.workDir().resolve("in-process-e");
    System.out.printf(Locale.ROOT, "e: %d sample lifecycles, then intake with %s stored, %d threads in this JVM%n",
        settings.samples(), settings.stored().stream().map(n -> String.format(Locale.ROOT, "%,d", n))
            .collect(Collectors.joining(", ")), threads);
    try (var app = OverdueTimers.start(settings, directory, false, DUPLICATE_WINDOW)) {
      var dataSource = app.getBean(DataSource.class);
      var jdbc = JdbcClient.create(dataSource);
      var intake = app.getBean(ComplaintIntake.class);
      var driver = new ProcessDriver(intake, app.getBean(ComplaintRepository.class), app.getBean(Timeline.class),
          app.getBean(ProcessEngine.class), app.getBean(ActingUser.class));
      var tableSizes = new TableSizes(dataSource, settings.postgres());
      String run = UUID.randomUUID().toString().substring(0, 8);

      var before = tableSizes.measure();
      Instant walkedFrom = Instant.now();
      var samples = walkSamples(settings.samples(), threads, driver, intake, app.getBean(ComplainantActions.class), run);
      settle(app);
      Instant walkedUntil = Instant.now();
      var after = tableSizes.measure();
      var clones = new ClosedComplaintClones(dataSource, settings.postgres(), samples, walkedFrom, walkedUntil);
      var figures = new ArrayList<>(perClosedComplaint(before, after, samples.size()));
      sections.add(perTable(before, after, samples.size(), clones));
      var grown = after.keySet().stream().filter(table -> after.get(table).rows() != before.get(table).rows())
          .collect(Collectors.toSet());
      var notCopied = clones.notCopied(grown);
      if (!notCopied.isEmpty()) {
        notes.add("e: tables that grew with the samples but are not in the copies (their rows are not per complaint,"
            + " or have no complaint to tell them by): " + String.join(", ", notCopied));
      }

      figures.addAll(storedSteps(settings, app, directory, jdbc, clones, driver, intake, run, notes));
      explain(settings, samples.size(), notes);
      return figures;
    }
  }

  /** The notes on how e measures. */
  private static void explain(NodeBenchmark.Settings settings, int samples, List<String> notes) {
    notes.add("e: samples are walked to CLOSED by " + settings.lifecycleThreads() + " threads: scenario b's intake (a"
        + " web complaint with a contact of its own) and scenario c's lifecycle; then their notifications are delivered"
        + " (the local outbox) and their day summarised, as a node does on its schedule. Rows and bytes per closed"
        + " complaint are the samples' (tables with a change only, the section below has each; the dashboard's summary"
        + " is left out: it grows per day, not per complaint). "
        + (settings.postgres() ? "Bytes: pg_total_relation_size, the table with its indexes and TOAST."
        : "Bytes: H2's pages of the table and its indexes; H2 counts whole pages, so the bytes of small tables"
            + " (a few rows per complaint) are rough at " + samples + " samples."));
    notes.add("e: the fill copies the samples (" + ClosedComplaintClones.class.getSimpleName() + "): every row of"
        + " theirs in the engine's history, history byte arrays, historic task authorizations and task meter log, and"
        + " in our tables, with ids, tracking numbers and business keys of their own, received 1 to "
        + ClosedComplaintClones.SPREAD_DAYS + " days earlier (two years, the history's time to live), facts"
        + " summarised, one dashboard summary per day. The intake runs with linking of repeated submissions as the app"
        + " has it (7 days, each submission a contact of its own: no link), so each intake reads the complaints"
        + " received in the last 7 days. Before the first step, one round of intake as long as a step warms the JVM up"
        + " (unmeasured; its complaints count as stored). All fills together stop after --fill-minutes ("
        + settings.fillMinutes() + ")"
        + (settings.postgres() ? "" : " or when the disk is nearly full") + ". Database size: "
        + (settings.postgres() ? "pg_database_size." : "the H2 file (RETENTION_TIME 0 while filling, then back)."));
  }

  /** One intake step: the size aimed at, the complaints stored when it started, complaints per second. */
  private record Step(int target, long stored, double perSecond) {
  }

  /**
   * Fills up to each size of --stored and measures the intake there; the ratio of the last to the first. All fills
   * together stop after --fill-minutes, and on H2 when the disk runs low: the intake is then measured at the size
   * reached, and larger sizes are left out.
   */
  private static List<Figure> storedSteps(NodeBenchmark.Settings settings, ConfigurableApplicationContext app,
      Path directory, JdbcClient jdbc, ClosedComplaintClones clones, ProcessDriver driver, ComplaintIntake intake,
      String run, List<String> notes) throws Exception {
    int threads = settings.lifecycleThreads();
    var figures = new ArrayList<Figure>();
    var steps = new ArrayList<Step>();
    // One round unmeasured first: the JVM is still warming up after the samples, and a cold first step would make
    // every later one look faster (about a third in 5-second steps).
    ThreadedRun.of(settings, threads, "growth-warm-up", n -> EngineLevel.intakeToFirstWait(intake, driver,
        "growth-" + run + "-warm-up-" + n + "@example.org"));
    long budgetLeft = Duration.ofMinutes(settings.fillMinutes()).toNanos();
    var stopped = new AtomicReference<String>();
    for (int target : settings.stored()) {
      long stored = count(jdbc);
      if (target > stored) {
        long fillStarted = System.nanoTime();
        long fillBudget = budgetLeft;
        BooleanSupplier stop = () -> {
          if (System.nanoTime() - fillStarted > fillBudget) {
            stopped.set("its time, --fill-minutes " + settings.fillMinutes() + ", was up");
          } else if (!settings.postgres() && diskLow(directory)) {
            stopped.set("the disk was nearly full");
          }
          return stopped.get() != null;
        };
        var added = fill(settings, app, directory, jdbc, clones, target, stored, stop, figures);
        budgetLeft -= System.nanoTime() - fillStarted;
        stored = count(jdbc);
        if (stopped.get() != null) {
          double perSecond = added.complaints() / (added.took().toMillis() / 1e3);
          notes.add(String.format(Locale.ROOT, "e: the fill stopped at %,d stored, not %,d: %s.", stored, target,
              stopped.get()) + (added.complaints() == 0 ? "" : String.format(Locale.ROOT, " At the %,.0f complaints/s"
              + " it reached, the %,d complaints left would take about %s more.", perSecond, target - stored,
              minutes((target - stored) / perSecond / 60))));
        }
      }
      long storedBefore = stored;
      var intakeRun = ThreadedRun.of(settings, threads, "growth-intake", n -> EngineLevel.intakeToFirstWait(intake,
          driver, "growth-" + run + "-" + storedBefore + "-" + n + "@example.org"));
      System.out.printf(Locale.ROOT, "e: intake with %,d stored: %.1f/s%n", stored, intakeRun.perSecond);
      String label = String.format(Locale.ROOT, "intake with %,d stored (%d threads)", stored, threads);
      figures.add(Figure.of("e", label, intakeRun.perSecond, "/s"));
      if (intakeRun.failed > 0) {
        figures.add(Figure.of("e", label + ": failed", intakeRun.failed, "").withTarget(Figure.Target.atMost(0)));
        notes.add("e: intake with " + stored + " stored: first failure: " + intakeRun.firstFailure);
      }
      steps.add(new Step(stored >= target ? target : -1, stored, intakeRun.perSecond));
      if (stopped.get() != null) {
        break;
      }
    }
    if (steps.size() > 1) {
      var first = steps.get(0);
      var last = steps.get(steps.size() - 1);
      boolean atTarget = last.target() == TARGET_STORED && first.target() == 0;
      figures.add(Figure.of("e", atTarget ? TARGET : String.format(Locale.ROOT, "intake with %,d stored / with %,d"
          + " stored", last.stored(), first.stored()), last.perSecond() / first.perSecond(), "")
          .withTarget(atTarget ? Figure.Target.atLeast(0.8) : null));
    }
    return figures;
  }

  /** Fills up to the target (or until stopped), checks a copy through the app; returns what was added. */
  private static ClosedComplaintClones.Added fill(NodeBenchmark.Settings settings, ConfigurableApplicationContext app,
      Path directory, JdbcClient jdbc, ClosedComplaintClones clones, int target, long stored, BooleanSupplier stop,
      List<Figure> figures) throws Exception {
    int copies = (int) Math.ceil((target - stored) / (double) clones.samples());
    System.out.printf(Locale.ROOT, "e: filling to %,d stored: %,d copies of each of %d samples%n", target, copies,
        clones.samples());
    long sizeBefore = databaseBytes(settings, jdbc, directory);
    var added = clones.add(copies, stop);
    if (added.copiesPerSample() == 0) {
      return added;
    }
    checkThroughTheApp(app, added.lastCopy());
    long sizeAfter = databaseBytes(settings, jdbc, directory);
    long now = count(jdbc);
    double seconds = added.took().toMillis() / 1e3;
    System.out.printf(Locale.ROOT, "e: %,d complaints (%,d rows) copied in %.0f s: %,.0f complaints/s, %,.0f rows/s;"
            + " database %,.0f MB%n", added.complaints(), added.rows(), seconds, added.complaints() / seconds,
        added.rows() / seconds, sizeAfter / MB);
    String label = String.format(Locale.ROOT, "fill to %,d stored", now);
    figures.add(Figure.of("e", String.format(Locale.ROOT, "%s: time (%,d complaints copied)", label,
        added.complaints()), seconds, "s"));
    figures.add(Figure.of("e", label + ": complaints copied per second", added.complaints() / seconds, "/s"));
    figures.add(Figure.of("e", label + ": rows copied per second", added.rows() / seconds, "/s"));
    figures.add(Figure.of("e", label + ": database growth per complaint copied",
        (sizeAfter - sizeBefore) / KB / added.complaints(), "kB"));
    figures.add(Figure.of("e", String.format(Locale.ROOT, "database size with %,d stored", now), sizeAfter / MB, "MB"));
    return added;
  }

  /** Less than 5 GB or a tenth of the disk left where the H2 file lies. */
  private static boolean diskLow(Path directory) {
    try {
      var store = Files.getFileStore(directory);
      return store.getUsableSpace() < Math.max(5e9, store.getTotalSpace() / 10.0);
    } catch (IOException e) {
      return false;
    }
  }

  /** The samples, walked to CLOSED by the threads, each a web complaint of a contact of its own. */
  private static List<ClosedComplaintClones.Sample> walkSamples(int count, int threads, ProcessDriver driver,
      ComplaintIntake intake, ComplainantActions complainant, String run) throws Exception {
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var walked = new ArrayList<Future<ClosedComplaintClones.Sample>>();
      for (int i = 0; i < count; i++) {
        String email = "sample-" + run + "-" + i + "@example.org";
        walked.add(pool.submit(() -> {
          var closed = Lifecycles.walkToClosed(driver, complainant, EngineLevel.intakeToFirstWait(intake, driver, email));
          return new ClosedComplaintClones.Sample(closed.id(), closed.processInstanceId());
        }));
      }
      var samples = new ArrayList<ClosedComplaintClones.Sample>();
      for (var sample : walked) {
        samples.add(sample.get());
      }
      System.out.printf(Locale.ROOT, "e: %d samples walked to CLOSED in %.0f s%n", count,
          (System.nanoTime() - started) / 1e9);
      return samples;
    } finally {
      pool.shutdownNow();
    }
  }

  /** What a node does on its schedule after the steps: delivers the notifications, summarises the day. */
  private static void settle(ConfigurableApplicationContext app) {
    var jdbc = app.getBean(JdbcClient.class);
    var dispatcher = app.getBean(NotificationDispatcher.class);
    var pending = jdbc.sql("select count(*) from notification where state = 'PENDING'");
    for (long left = pending.query(Long.class).single(), was = -1; left > 0 && left != was;
        was = left, left = pending.query(Long.class).single()) {
      dispatcher.dispatchPending();
    }
    app.getBean(DashboardSummary.class).catchUp();
  }

  /** Rows and bytes per closed complaint of each group of tables, and of all. */
  private static List<Figure> perClosedComplaint(Map<String, TableSizes.Size> before,
      Map<String, TableSizes.Size> after, int complaints) {
    var figures = new ArrayList<Figure>();
    var bytes = new ArrayList<Figure>();
    long allRows = 0;
    long allBytes = 0;
    for (var group : TableSizes.Group.values()) {
      long rows = 0;
      long groupBytes = 0;
      for (var table : after.keySet()) {
        if (TableSizes.Group.of(table) == group && before.containsKey(table) && !table.equals(DAY_SUMMARY)) {
          rows += after.get(table).rows() - before.get(table).rows();
          groupBytes += after.get(table).bytes() - before.get(table).bytes();
        }
      }
      allRows += rows;
      allBytes += groupBytes;
      if (group != TableSizes.Group.ENGINE_OTHER || rows != 0) {
        figures.add(Figure.of("e", "rows per closed complaint: " + group.label, rows / (double) complaints, ""));
        bytes.add(Figure.of("e", "bytes per closed complaint: " + group.label, groupBytes / KB / complaints, "kB"));
      }
    }
    figures.add(Figure.of("e", "rows per closed complaint: all tables", allRows / (double) complaints, ""));
    bytes.add(Figure.of("e", "bytes per closed complaint: all tables", allBytes / KB / complaints, "kB"));
    figures.addAll(bytes);
    return figures;
  }

  /** Each table that changed with the samples, per closed complaint, and whether the fill copies it. */
  private static NodeBenchmarkReport.Section perTable(Map<String, TableSizes.Size> before,
      Map<String, TableSizes.Size> after, int complaints, ClosedComplaintClones clones) {
    var copied = clones.rowsPerSample();
    var md = new StringBuilder("Per closed complaint, from " + complaints + " samples; only tables that changed."
        + " The dashboard's summary grows per day of receipt, not per complaint.\n\n"
        + "| table | group | rows | bytes | copied by the fill |\n|---|---|---:|---:|---|\n");
    for (var table : after.keySet()) {
      var was = before.getOrDefault(table, new TableSizes.Size(0, 0));
      long rows = after.get(table).rows() - was.rows();
      long bytes = after.get(table).bytes() - was.bytes();
      if (rows != 0 || bytes != 0) {
        md.append("| ").append(table).append(" | ").append(TableSizes.Group.of(table).label).append(" | ")
            .append(Figure.format(rows / (double) complaints)).append(" | ")
            .append(Figure.format(bytes / (double) complaints)).append(" | ")
            .append(copied.containsKey(table) ? "yes" : table.equals(DAY_SUMMARY) ? "one day's rows per day" : "no")
            .append(" |\n");
      }
    }
    return new NodeBenchmarkReport.Section("e: rows and bytes per closed complaint, by table", md.toString());
  }

  /** The copy as the app sees it: our complaint CLOSED, the engine's history of its process completed. */
  private static void checkThroughTheApp(ConfigurableApplicationContext app, ClosedComplaintClones.Copy copy) {
    var complaint = app.getBean(ComplaintRepository.class).get(copy.trackingNumber());
    HistoricProcessInstance history = app.getBean(ProcessEngine.class).getHistoryService()
        .createHistoricProcessInstanceQuery().processInstanceId(copy.processInstanceId()).singleResult();
    if (complaint.status() != ComplaintStatus.CLOSED || !copy.processInstanceId().equals(complaint.processInstanceId())
        || history == null || !HistoricProcessInstance.STATE_COMPLETED.equals(history.getState())
        || !copy.trackingNumber().equals(history.getBusinessKey())) {
      throw new IllegalStateException("The copy " + copy + " does not look like a closed complaint to the app: "
          + complaint.status() + ", history " + (history == null ? "none" : history.getState() + " "
          + history.getBusinessKey()));
    }
  }

  private static long count(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from complaint").query(Long.class).single();
  }

  /** The database's size: the H2 file, or PostgreSQL's pg_database_size. */
  private static long databaseBytes(NodeBenchmark.Settings settings, JdbcClient jdbc, Path directory)
      throws IOException {
    if (settings.postgres()) {
      return jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
    }
    return Files.size(directory.resolve("data").resolve("complaint-desk.mv.db"));
  }

  private static String minutes(double minutes) {
    long rounded = Math.max(1, Math.round(minutes));
    return String.format(Locale.ROOT, "%,d minute%s", rounded, rounded == 1 ? "" : "s");
  }
}
