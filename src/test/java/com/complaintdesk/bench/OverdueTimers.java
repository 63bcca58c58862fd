package com.complaintdesk.bench;

import com.complaintdesk.ComplaintDeskApplication;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Contact;
import com.complaintdesk.intake.ComplaintIntake;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.JobDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * d: many overdue deadline timers at once, as after a node was down: staff-captured complaints received 25 hours ago,
 * whose logging deadline (24 h after receipt, timer LoggingDeadlinePassed) has passed when they are taken in. While
 * they are prepared, the timer's job definition is suspended, so that none fires; then it is activated with its jobs,
 * and the node's job executor fires them all (each records the breach and notifies the intake supervisors).
 *
 * <p>Measured: the time from the activation until the last one fired, and each timer's lateness, the time from the
 * activation (when they became executable; their due dates lie 25 hours before) until it fired, from the engine's
 * job log (ACT_HI_JOB_LOG). Runs in this JVM: the app's Spring context with the job executor on, on a fresh H2 file
 * (or the PostgreSQL database given).
 */
final class OverdueTimers {

  static final String TIMER = "LoggingDeadlinePassed";
  private static final int SUCCESSFUL = 2; // org.camunda.bpm.engine.history.JobState.SUCCESSFUL

  private OverdueTimers() {
  }

  static List<Figure> run(NodeBenchmark.Settings settings, List<String> notes) throws Exception {
    Path directory = settings.workDir().resolve("in-process");
    System.out.printf(Locale.ROOT, "d: preparing %,d overdue logging deadlines in this JVM%n", settings.timers());
    try (var app = start(settings, directory, true)) {
      var engine = app.getBean(ProcessEngine.class);
      var management = engine.getManagementService();
      var jdbc = app.getBean(JdbcClient.class);
      List<JobDefinition> definitions = management.createJobDefinitionQuery().activityIdIn(TIMER).list();
      definitions.forEach(definition -> management.suspendJobDefinitionById(definition.getId()));
      long preparing = System.nanoTime();
      submit(app.getBean(ComplaintIntake.class), settings.timers());
      awaitPrepared(management, settings.timers());
      System.out.printf(Locale.ROOT, "d: %,d timers waiting, prepared in %.0f s; activating them%n", settings.timers(),
          (System.nanoTime() - preparing) / 1e9);

      Instant activated = Instant.now();
      definitions.forEach(definition -> management.activateJobDefinitionById(definition.getId(), true));
      long left = awaitFired(management, Duration.ofMinutes(10));
      long failed = management.createJobQuery().activityId(TIMER).withException().count();

      List<Instant> fired = jdbc.sql("select TIMESTAMP_ from ACT_HI_JOB_LOG where ACT_ID_ = :activity and JOB_STATE_ = :state")
          .param("activity", TIMER).param("state", SUCCESSFUL).query(Timestamp.class).list().stream()
          .map(Timestamp::toInstant).toList();
      double[] lateness = fired.stream().mapToDouble(at -> Duration.between(activated, at).toMillis() / 1e3).sorted()
          .toArray();
      var figures = new ArrayList<Figure>();
      String label = String.format(Locale.ROOT, "%,d overdue timers", settings.timers());
      double allFired = lateness.length == 0 ? Double.NaN : lateness[lateness.length - 1];
      figures.add(Figure.of("d", label + ": time until all fired", left == 0 ? allFired : Double.NaN, "s")
          .withTarget(settings.timers() >= 10_000 ? Figure.Target.atMost(30) : null));
      if (lateness.length > 0) {
        figures.add(Figure.of("d", label + ": median lateness", lateness[lateness.length / 2], "s"));
        figures.add(Figure.of("d", label + ": worst lateness", allFired, "s"));
        figures.add(Figure.of("d", label + ": fired per second", lateness.length / allFired, "/s"));
      }
      if (left > 0 || failed > 0) {
        figures.add(Figure.of("d", label + ": not fired (left, of which failed: " + failed + ")", left, "")
            .withTarget(Figure.Target.atMost(0)));
      }
      notes.add("d: lateness is counted from when the timers became executable (their job definition activated, as"
          + " when a node comes back): their due dates lie 25 hours earlier. It includes the job executor's idle"
          + " wait before its next acquisition. Job executor settings: the app's (camunda.bpm.job-execution.*).");
      return figures;
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  /**
   * The app's context as the tests start it (job executor on or off), on a fresh H2 file or the given database;
   * {@code properties} ({@code --name=value}) go on top.
   */
  static ConfigurableApplicationContext start(NodeBenchmark.Settings settings, Path directory, boolean jobExecutor,
      String... properties) {
    var args = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.process-engine-name=bench",
        "--camunda.bpm.job-execution.enabled=" + jobExecutor, "--complaint-desk.demo.sample-complaints=false",
        "--spring.main.banner-mode=off", "--logging.level.org.springdoc=error",
        "--spring.datasource.url=" + NodeBenchmark.h2OrGiven(settings, directory)));
    if (settings.url() != null) {
      args.add("--spring.datasource.username=" + settings.user());
      args.add("--spring.datasource.password=" + settings.password());
    }
    args.addAll(List.of(properties));
    return new SpringApplicationBuilder(ComplaintDeskApplication.class).profiles("test").run(args.toArray(String[]::new));
  }

  /** Staff-captured complaints received 25 hours ago, from 4 threads, each with a contact of its own. */
  private static void submit(ComplaintIntake intake, int count) throws Exception {
    Instant receivedAt = Instant.now().minus(Duration.ofHours(25));
    String run = UUID.randomUUID().toString().substring(0, 8);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      var submitted = new ArrayList<Future<?>>();
      for (int i = 0; i < count; i++) {
        int n = i;
        submitted.add(pool.submit(() -> intake.receive(new ComplaintIntake.Submission(Channel.EMAIL, receivedAt, "en",
            null, null, "Parcel " + n + " never arrived, and nobody answers the phone", null, null,
            new Contact("Bench", "timer-" + run + "-" + n + "@example.org", null)))));
      }
      for (var future : submitted) {
        future.get();
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  /** Waits until every complaint waits in "Log complaint" with its (suspended) timer, and no other job is due. */
  private static void awaitPrepared(ManagementService management, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (management.createJobQuery().activityId(TIMER).count() >= count
          && management.createJobQuery().active().executable().count() == 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("The timers were not all created within 30 minutes");
  }

  /** Waits until no timer is left that may still fire; returns how many are left (0, or those failed or late). */
  private static long awaitFired(ManagementService management, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = management.createJobQuery().activityId(TIMER).count();
      long failed = management.createJobQuery().activityId(TIMER).withException().count();
      if (left == failed || System.nanoTime() > deadline) {
        return left;
      }
      Thread.sleep(100);
    }
  }
}
