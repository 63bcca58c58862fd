package com.complaintdesk.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One node of the cluster: the packaged jar ({@code java -jar target/complaint-desk-*.jar}) as a JVM process of its
 * own, with the postgres (production) profile on the test's PostgreSQL database and the settings an operator gives
 * through the environment. Its output goes to {@code target/cluster-it/<test>/<name>.log}. Each node names itself in the engine's
 * history ({@code hostname}, the HOSTNAME_ column of ACT_HI_JOB_LOG), so the tests can tell which node ran a job.
 */
final class ClusterNode implements AutoCloseable {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "cluster-it-admin-password";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("cluster.start-timeout-seconds", 120));
  private static final Path LOG_DIRECTORY = Path.of(System.getProperty("cluster.log-directory", "target/cluster-it"));

  final String name;
  final int port;
  final Path log;
  private final Process process;
  private final Instant started = Instant.now();
  private volatile Duration startUpTime;

  private ClusterNode(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts the jar as node {@code name} (also its engine hostname) on a free port, with further environment variables
   * (as an operator sets them) and {@code --property=value} arguments. Returns at once: {@link #awaitReady()} waits.
   */
  static ClusterNode start(String test, String name, ClusterDatabase database, Map<String, String> variables,
      String... settings) {
    int port = freePort();
    Path log = LOG_DIRECTORY.resolve(test).resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Small and quick to start: C1 only (less compiling on a 2-core machine), serial GC (no GC threads to share).
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-jar", jar().toString(),
        "--spring.profiles.active=postgres",
        "--server.port=" + port,
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(List.of(settings));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    var environment = builder.environment();
    // Only what the test gives: no profile, mail server or database of the surrounding shell.
    environment.keySet().removeIf(variable -> variable.startsWith("SPRING_") || variable.startsWith("COMPLAINT_DESK_"));
    environment.put("COMPLAINT_DESK_DB_URL", database.url());
    environment.put("COMPLAINT_DESK_DB_USER", database.user());
    environment.put("COMPLAINT_DESK_DB_PASSWORD", "");
    environment.put("COMPLAINT_DESK_ADMIN_ID", ADMIN);
    environment.put("COMPLAINT_DESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
    // The address complainants reach the cluster at: the load balancer's, the same for every node.
    environment.put("COMPLAINT_DESK_PUBLIC_BASE_URL", "https://complaints.cluster-it.example");
    environment.putAll(variables);
    try {
      Files.createDirectories(log.getParent());
      builder.redirectOutput(log.toFile());
      Process process = builder.start();
      // A test JVM that ends abnormally (failsafe's timeout, Ctrl-C) takes its nodes with it.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop " + name));
      return new ClusterNode(name, port, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start node " + name + ": " + command, e);
    }
  }

  /** The jar that {@code mvn package} built: {@code -Dcluster.jar} (set by failsafe), else the one in target/. */
  static Path jar() {
    String configured = System.getProperty("cluster.jar");
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return Path.of(configured);
    }
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("complaint-desk-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("No target/complaint-desk-*.jar: run mvn package first"
              + " (mvn verify runs these tests after it)"));
    } catch (IOException e) {
      throw new UncheckedIOException("No target/ folder: run mvn package first", e);
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Waits until the node answers HTTP. The app has no actuator; its home page answers once the application context
   * (engine, deployment, Flyway, the access set-up) is up, which is when Tomcat starts taking requests.
   */
  ClusterNode awaitReady() {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/")).timeout(Duration.ofSeconds(5)).GET().build();
    Instant deadline = started.plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        fail("Node " + name + " stopped while starting (exit code " + process.exitValue() + "); " + whyInLog());
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          startUpTime = Duration.between(started, Instant.now());
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause(Duration.ofMillis(250));
    }
    fail("Node " + name + " did not answer on port " + port + " within " + START_TIMEOUT + "; " + whyInLog());
    return this;
  }

  /** How long the node took from its process start to answering (null before {@link #awaitReady}). */
  Duration startUpTime() {
    return startUpTime;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no graceful stop; returns once the process is gone. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Node " + name + " did not die within 30 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM (Spring's graceful shutdown), then SIGKILL after 20 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The causes of the exceptions in the log (distinct, the innermost last) and its last lines. */
  String whyInLog() {
    try (Stream<String> lines = Files.lines(log)) {
      var causes = lines.filter(line -> line.startsWith("Caused by: ") || line.matches("^\\S+\\s+ERROR .*"))
          .map(line -> line.length() > 400 ? line.substring(0, 400) + "..." : line).distinct().toList();
      return "the causes in its log " + log + ":\n  " + String.join("\n  ", causes) + "\nand its last lines:\n"
          + logTail(15);
    } catch (IOException | UncheckedIOException e) {
      return "its log " + log + " is unreadable: " + e.getMessage();
    }
  }

  /** Whether the log has a line containing {@code text}. */
  boolean logged(String text) {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.anyMatch(line -> line.contains(text));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** The log's lines at level ERROR (Spring Boot's console format puts the level right after the time stamp). */
  List<String> errorLines() {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(line -> line.matches("^\\S+\\s+ERROR .*")).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of("(log unreadable: " + e.getMessage() + ")");
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return name + " (port " + port + ")";
  }
}
