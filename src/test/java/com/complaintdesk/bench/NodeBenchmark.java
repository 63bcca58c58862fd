package com.complaintdesk.bench;

import com.complaintdesk.AppProcess;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * How much a complaint-desk node takes (tracker issue 7): starts the app on a fresh database and measures each
 * scenario next to its floor and the target, prints a table and writes it to bench/results/ as Markdown and
 * JSON. bench/README.md says how to run it ({@code bench/run}) and what each scenario measures.
 *
 * <p>Scenarios so far: f (start-up time and resident memory), a (intake over HTTP against a one-step process started
 * over /engine-rest), b (our service layer against the bare engine), c (lifecycles to CLOSED through the service
 * layer), d (overdue deadline timers), e (growth: what a closed complaint leaves in each table, intake with many
 * stored). Targets that a run did not measure are listed as "not measured".
 */
public final class NodeBenchmark {

  static final String ONE_STEP_KEY = "bench-one-step";
  static final int TARGET_CLIENTS = 32;
  /** The JVM options README recommends for a node (its heap and collector), unless --node-jvm-args names others. */
  static final String NODE_JVM_ARGS = "-Xmx384m -XX:+UseSerialGC";
  private static final double MB = 1e6;

  /** What to run, how long, on which database. */
  record Settings(int seconds, int warmUpSeconds, List<Integer> clients, int timers, Set<String> scenarios,
      String url, String user, String password, Path jar, String classpath, List<String> nodeJvmArgs, Path workDir,
      Path results, String resultName, int lifecycleThreads, int nodes, List<Integer> stored, int samples,
      int fillMinutes) {

    Settings {
      if (nodes < 1 || nodes > 1 && (url == null || !url.startsWith("jdbc:postgresql:"))) {
        throw new IllegalArgumentException("More than one node needs a PostgreSQL database (--url), the nodes' shared"
            + " database: " + nodes + " nodes on " + (url == null ? "H2" : url));
      }
    }

    static Settings fromSystemProperties() {
      String url = blankToNull(System.getProperty("bench.url"));
      String jar = blankToNull(System.getProperty("bench.jar"));
      return new Settings(Integer.getInteger("bench.seconds", 20), Integer.getInteger("bench.warmup", 5),
          Arrays.stream(System.getProperty("bench.clients", "1,8,32").split(",")).map(String::trim)
              .map(Integer::valueOf).toList(),
          Integer.getInteger("bench.timers", 10_000),
          Arrays.stream(System.getProperty("bench.scenarios", "f,a,b,c,d,e").split(",")).map(String::trim)
              .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new)),
          url, System.getProperty("bench.user", url == null ? "sa" : "postgres"), System.getProperty("bench.password", ""),
          jar != null ? Path.of(jar) : AppProcess.packagedJar().orElse(null), null,
          Arrays.stream(System.getProperty("bench.node-jvm-args", NODE_JVM_ARGS).split("\\s+")).filter(s -> !s.isBlank()).toList(),
          Path.of("target", "bench", "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))),
          Path.of(System.getProperty("bench.results", "bench/results")), blankToNull(System.getProperty("bench.name")),
          Integer.getInteger("bench.lifecycle-threads", 4), Integer.getInteger("bench.nodes", 1),
          Arrays.stream(System.getProperty("bench.stored", "0,100000,1000000").split(",")).map(String::trim)
              .map(Integer::valueOf).sorted().toList(),
          Integer.getInteger("bench.samples", 50), Integer.getInteger("bench.fill-minutes", 3));
    }

    boolean postgres() {
      return url != null && url.startsWith("jdbc:postgresql:");
    }

    String describe() {
      return String.format(Locale.ROOT, "scenarios %s; %d s per load step after %d s warm-up; clients %s; %d lifecycle"
              + " threads; %,d timers; %s stored after %d sample lifecycles, filling for at most %d min; %s started %s%s",
          String.join(",", scenarios),
          seconds, warmUpSeconds, clients.stream().map(String::valueOf).collect(Collectors.joining("/")),
          lifecycleThreads, timers, stored.stream().map(n -> String.format(Locale.ROOT, "%,d", n))
              .collect(Collectors.joining("/")), samples, fillMinutes,
          nodes == 1 ? "one node" : nodes + " nodes on the one database, requests of a and f round robin,", jar != null ? "with java -jar " + jar.getFileName() : "from the test classpath",
          nodeJvmArgs.isEmpty() ? " (no JVM options)" : " with " + String.join(" ", nodeJvmArgs));
    }
  }

  private NodeBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    var settings = Settings.fromSystemProperties();
    if (settings.jar() == null && settings.classpath() == null) {
      throw new IllegalStateException("No target/complaint-desk-*.jar: build it first (bench/run does: mvn -DskipTests"
          + " package) or name one with -Dbench.jar=...");
    }
    run(settings);
  }

  /** Runs the chosen scenarios, writes the results; returns the figures (with placeholders for targets not measured). */
  static List<Figure> run(Settings settings) throws Exception {
    System.out.println("Node benchmark: " + settings.describe());
    var figures = new ArrayList<Figure>();
    var notes = new ArrayList<String>();
    var sections = new ArrayList<NodeBenchmarkReport.Section>();
    Files.createDirectories(settings.workDir());
    if (settings.scenarios().contains("f") || settings.scenarios().contains("a")) {
      nodeScenarios(settings, figures, notes);
    }
    if (settings.scenarios().contains("b")) {
      figures.addAll(EngineLevel.run(settings, notes));
    }
    if (settings.scenarios().contains("c")) {
      figures.addAll(Lifecycles.run(settings, notes));
    }
    if (settings.scenarios().contains("d")) {
      figures.addAll(OverdueTimers.run(settings, notes));
    }
    if (settings.scenarios().contains("e")) {
      figures.addAll(Growth.run(settings, notes, sections));
    }
    figures.addAll(notMeasured(figures));
    var machine = NodeBenchmarkReport.Machine.here(databaseName(settings));
    NodeBenchmarkReport.write(settings, machine, figures, notes, sections);
    return figures;
  }

  /**
   * f and a: the node as its own JVM, started on a fresh database. With {@code nodes} above 1, further nodes join it on
   * the same database once it is ready (a cluster) and take the requests of a in turn; f describes the first node.
   */
  private static void nodeScenarios(Settings settings, List<Figure> figures, List<String> notes) throws Exception {
    String adminPassword = "bench-" + UUID.randomUUID();
    var launch = launch(settings, 1, adminPassword);
    System.out.println("Starting the node (log: " + launch.log() + ")");
    try (var node = Node.start(launch)) {
      Duration ready = node.awaitReady(Duration.ofMinutes(3));
      long residentAfterStart = node.residentBytes();
      System.out.printf(Locale.ROOT, "Ready after %.1f s, %,.0f MB resident%n", ready.toMillis() / 1e3,
          residentAfterStart / MB);
      if (settings.scenarios().contains("f")) {
        figures.add(Figure.of("f", "start-up to ready (process start until the home page answers)", ready.toMillis() / 1e3, "s")
            .withTarget(Figure.Target.atMost(15)));
        node.springStartupSeconds().ifPresent(seconds ->
            figures.add(Figure.of("f", "start-up as Spring Boot logs it", seconds, "s")));
        if (residentAfterStart > 0) {
          figures.add(Figure.of("f", "resident memory after start-up (VmRSS)", residentAfterStart / MB, "MB"));
        }
      }
      if (settings.scenarios().contains("a")) {
        var peakUnderLoad = new AtomicLong(-1);
        var loading = new AtomicBoolean(true);
        var sampler = new Thread(() -> {
          while (loading.get()) {
            peakUnderLoad.accumulateAndGet(node.residentBytes(), Math::max);
            try {
              Thread.sleep(200);
            } catch (InterruptedException e) {
              return;
            }
          }
        }, "bench-rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        var cluster = new ArrayList<>(List.of(node));
        try {
          for (int number = 2; number <= settings.nodes(); number++) {
            var joining = launch(settings, number, adminPassword);
            System.out.println("Starting node " + number + " (log: " + joining.log() + ")");
            cluster.add(Node.start(joining));
            cluster.get(cluster.size() - 1).awaitReady(Duration.ofMinutes(3));
          }
          intakeOverHttp(settings, cluster, launch.adminAuthorization(), figures, notes);
        } finally {
          loading.set(false);
          sampler.join();
          for (AppProcess other : cluster.subList(1, cluster.size())) {
            other.close();
          }
        }
        if (peakUnderLoad.get() > 0) {
          figures.add(Figure.of("f", "resident memory under load a (highest VmRSS sampled)", peakUnderLoad.get() / MB,
              "MB").withTarget(Figure.Target.atMost(700)));
        }
      }
    }
  }

  /** Node {@code number} (from 1) of the run: its own directory, the run's database and admin password. */
  private static Node.Launch launch(Settings settings, int number, String adminPassword) {
    return new Node.Launch(settings.jar(), settings.classpath(), settings.nodeJvmArgs(),
        settings.workDir().resolve(number == 1 ? "node" : "node-" + number), settings.url(), settings.user(),
        settings.password(), adminPassword);
  }

  /**
   * a: POST /api/complaints against the floor, a one-step process started over /engine-rest, at each client count;
   * request n goes to node n modulo the number of nodes, as a round-robin load balancer sends it.
   */
  private static void intakeOverHttp(Settings settings, List<AppProcess> nodes, String adminAuthorization,
      List<Figure> figures, List<String> notes) throws Exception {
    AppProcess node = nodes.get(0);
    deployOneStepProcess(node, adminAuthorization);
    String run = UUID.randomUUID().toString().substring(0, 8);
    Duration warmUp = Duration.ofSeconds(settings.warmUpSeconds());
    Duration measured = Duration.ofSeconds(settings.seconds());
    var submissions = new AtomicLong(); // numbers the complaints of all steps, so that each has a contact of its own
    for (int clients : settings.clients()) {
      var ours = HttpLoad.run("intake", clients, warmUp, measured, n -> HttpRequest.newBuilder(
              nodes.get((int) (n % nodes.size())).uri("/api/complaints"))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(complaint(run, submissions.incrementAndGet()))).build());
      long jobsWaiting = executableJobs(node, adminAuthorization);
      var floor = HttpLoad.run("one-step process", clients, warmUp, measured, n -> HttpRequest.newBuilder(
              nodes.get((int) (n % nodes.size())).uri("/engine-rest/process-definition/key/" + ONE_STEP_KEY + "/start"))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
          .header("Authorization", adminAuthorization)
          .POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\": \"bench-" + run + "-" + n + "\"}")).build());
      System.out.printf(Locale.ROOT, "%2d clients: intake %.0f/s p99 %.0f ms, floor %.0f/s p99 %.0f ms%n", clients,
          ours.perSecond(), ours.percentile(99), floor.perSecond(), floor.percentile(99));
      boolean atTarget = clients == TARGET_CLIENTS;
      String label = "intake at " + clients + (clients == 1 ? " client" : " clients");
      figures.add(Figure.of("a", label + ": complaints/s", ours.perSecond(), "/s")
          .withTarget(atTarget ? Figure.Target.atLeast(300) : null)
          .withFloor(Figure.format(floor.perSecond()) + " starts/s"));
      for (double p : new double[] {50, 95, 99}) {
        figures.add(Figure.of("a", label + ": p" + (int) p + " latency", ours.percentile(p), "ms")
            .withTarget(atTarget && p == 99 ? Figure.Target.atMost(150) : null)
            .withFloor(Figure.format(floor.percentile(p)) + " ms"));
      }
      if (atTarget) {
        figures.add(Figure.of("a", label + ": intake / floor", ours.perSecond() / floor.perSecond(), "")
            .withTarget(Figure.Target.atLeast(0.5)));
      }
      if (jobsWaiting >= 0) {
        figures.add(Figure.of("a", label + ": jobs left waiting when the step ended", jobsWaiting, ""));
      }
      for (var result : List.of(ours, floor)) {
        if (result.failed() > 0) {
          figures.add(Figure.of("a", label + ": failed requests (" + result.what() + ")", result.failed(), "")
              .withTarget(Figure.Target.atMost(0)));
          notes.add("a, " + clients + " clients, " + result.what() + ": first failure: " + result.firstFailure());
        }
      }
    }
    notes.add("a: complaints are POST /api/complaints with the body of ComplaintLifecycleOverHttpTest.APP_CRASH, each"
        + " with a contact address of its own (no repeated submissions); the floor starts bench-one-step"
        + " (src/test/resources/bench/one-step.bpmn: start, one task, end) with POST /engine-rest/process-definition/key/"
        + ONE_STEP_KEY + "/start as admin (HTTP Basic). Both run back to back at each client count in the same node."
        + " \"Jobs left waiting\" counts the executable jobs (classification after the intake) just after the intake"
        + " step: the node's job executor had not caught up with that many.");
  }

  /**
   * The body of ComplaintLifecycleOverHttpTest.APP_CRASH with a contact of its own: its own email address and phone
   * number, so that no submission repeats an open one (a repeat is linked to it and starts no process).
   */
  static String complaint(String run, long n) {
    return """
        {"channel": "WEB_FORM", "declaredType": "FUNCTIONAL", "subject": "The app crashes",
         "description": "It crashes when I upload a photo", "affectedUsers": "MANY",
         "contact": {"name": "Li Wei", "email": "bench-%s-%d@example.org", "phone": "+86 139 %08d"}, "locale": "en"}
        """.formatted(run, n, n % 100_000_000);
  }

  /** Deploys src/test/resources/bench/one-step.bpmn over /engine-rest/deployment/create as admin. */
  static void deployOneStepProcess(AppProcess node, String adminAuthorization)
      throws IOException, InterruptedException {
    byte[] model;
    try (var in = NodeBenchmark.class.getResourceAsStream("/bench/one-step.bpmn")) {
      model = in.readAllBytes();
    }
    String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
    var body = new java.io.ByteArrayOutputStream();
    for (String[] field : new String[][] {{"deployment-name", "bench-one-step"}, {"enable-duplicate-filtering", "true"},
        {"deployment-source", "node-benchmark"}}) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1]
          + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"one-step.bpmn\"; filename=\"one-step.bpmn\""
        + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(model);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.uri("/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", adminAuthorization)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Deploying the one-step process failed: " + response.statusCode() + " "
          + response.body());
    }
  }

  /** Executable jobs in the node (GET /engine-rest/job/count?executable=true as admin); -1 if it does not say. */
  private static long executableJobs(AppProcess node, String adminAuthorization) {
    try {
      var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              node.uri("/engine-rest/job/count?executable=true")).header("Authorization", adminAuthorization)
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Long.parseLong(response.body().replaceAll("\\D", "")) : -1;
    } catch (IOException | InterruptedException | NumberFormatException e) {
      return -1;
    }
  }

  /** The targeted figures that this run did not measure, so that the table names every one. */
  private static List<Figure> notMeasured(List<Figure> measured) {
    var scenarios = measured.stream().map(Figure::scenario).collect(Collectors.toSet());
    var missing = new ArrayList<Figure>();
    if (!scenarios.contains("a")) {
      missing.add(Figure.notMeasured("a", "intake at 32 clients: complaints/s", "/s", Figure.Target.atLeast(300)));
      missing.add(Figure.notMeasured("a", "intake at 32 clients: p99 latency", "ms", Figure.Target.atMost(150)));
      missing.add(Figure.notMeasured("a", "intake at 32 clients: intake / floor", "", Figure.Target.atLeast(0.5)));
    }
    if (!scenarios.contains("b")) {
      missing.add(Figure.notMeasured("b", "engine level: ours / bare engine", "", Figure.Target.atLeast(0.8)));
    }
    if (!scenarios.contains("c")) {
      missing.add(Figure.notMeasured("c", "lifecycles submission to CLOSED", "/s", Figure.Target.atLeast(100)));
    }
    if (!scenarios.contains("d")) {
      missing.add(Figure.notMeasured("d", "10,000 overdue timers: time until all fired", "s", Figure.Target.atMost(30)));
    }
    if (measured.stream().noneMatch(f -> f.name().equals(Growth.TARGET))) {
      missing.add(Figure.notMeasured("e", Growth.TARGET, "", Figure.Target.atLeast(0.8)));
    }
    if (measured.stream().noneMatch(f -> f.name().startsWith("start-up to ready"))) {
      missing.add(Figure.notMeasured("f", "start-up to ready", "s", Figure.Target.atMost(15)));
    }
    if (measured.stream().noneMatch(f -> f.name().startsWith("resident memory under load"))) {
      missing.add(Figure.notMeasured("f", "resident memory under load a", "MB", Figure.Target.atMost(700)));
    }
    return missing;
  }

  /** The database the node runs on: the H2 of the test classpath, or the PostgreSQL server given. */
  private static String databaseName(Settings settings) {
    if (!settings.postgres()) {
      return "H2 " + org.h2.engine.Constants.VERSION + " (file, embedded)";
    }
    try (var connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
      var meta = connection.getMetaData();
      return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      return "PostgreSQL (version unknown: " + e.getMessage() + ")";
    }
  }

  /** The given database, or a fresh H2 file in the directory: the app's own URL with its file elsewhere. */
  static String h2OrGiven(Settings settings, Path directory) {
    return settings.url() != null ? settings.url()
        : "jdbc:h2:file:" + directory.toAbsolutePath().resolve("data").resolve("complaint-desk")
            + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
