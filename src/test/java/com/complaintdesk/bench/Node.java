package com.complaintdesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One complaint-desk node as its own JVM, the way an operator starts it: {@code java -jar target/complaint-desk-*.jar}
 * in a fresh working directory (so the H2 file under ./data is new), or on PostgreSQL with the postgres profile and its
 * environment variables. Without a jar (the smoke test) it starts the application class from a classpath instead.
 */
final class Node implements AutoCloseable {

  private static final Pattern STARTED = Pattern.compile("Started ComplaintDeskApplication in ([0-9.]+) seconds");

  /** How to start the node. */
  record Launch(Path jar, String classpath, List<String> jvmArgs, Path workingDirectory, String dbUrl, String dbUser,
      String dbPassword, String adminPassword) {

    boolean postgres() {
      return dbUrl != null && dbUrl.startsWith("jdbc:postgresql:");
    }
  }

  private final Process process;
  private final int port;
  private final Path log;
  private final String adminPassword;
  private final long startedNanos;
  private Duration readyAfter;

  private Node(Process process, int port, Path log, String adminPassword, long startedNanos) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.adminPassword = adminPassword;
    this.startedNanos = startedNanos;
  }

  static Node start(Launch launch) throws IOException {
    Files.createDirectories(launch.workingDirectory());
    int port = freePort();
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launch.jvmArgs());
    if (launch.jar() != null) {
      command.add("-jar");
      command.add(launch.jar().toAbsolutePath().toString());
    } else {
      command.add("-cp");
      command.add(launch.classpath());
      command.add("com.complaintdesk.ComplaintDeskApplication");
    }
    command.add("--server.port=" + port);
    // The public API's per-client limit would refuse a benchmark client after 60 requests a minute.
    command.add("--complaint-desk.public-api.rate-limit-per-minute=0");
    if (launch.postgres()) {
      command.add("--spring.profiles.active=postgres");
    } else {
      // Demo users (the admin calls /engine-rest for the floor), no sample complaints: a fresh, empty database.
      command.add("--complaint-desk.demo.sample-complaints=false");
      command.add("--complaint-desk.development.redeploy-models=false");
      if (launch.dbUrl() != null) {
        command.add("--spring.datasource.url=" + launch.dbUrl());
      }
    }
    var builder = new ProcessBuilder(command).directory(launch.workingDirectory().toFile()).redirectErrorStream(true);
    Path log = launch.workingDirectory().resolve("node.log");
    builder.redirectOutput(log.toFile());
    if (launch.postgres()) {
      var env = builder.environment();
      env.put("COMPLAINT_DESK_DB_URL", launch.dbUrl());
      env.put("COMPLAINT_DESK_DB_USER", launch.dbUser());
      env.put("COMPLAINT_DESK_DB_PASSWORD", launch.dbPassword() == null ? "" : launch.dbPassword());
      env.put("COMPLAINT_DESK_ADMIN_PASSWORD", launch.adminPassword());
      env.put("COMPLAINT_DESK_PUBLIC_BASE_URL", "http://localhost:" + port);
    }
    long started = System.nanoTime();
    return new Node(builder.start(), port, log, launch.postgres() ? launch.adminPassword() : "demo", started);
  }

  /** Waits until the home page answers 200; the time from the process start to then is the start-up time. */
  Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    var request = HttpRequest.newBuilder(uri("/")).timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = startedNanos + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The node ended with exit code " + process.exitValue() + " before it was ready;"
            + " its log: " + log + "\n" + tail());
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          readyAfter = Duration.ofNanos(System.nanoTime() - startedNanos);
          return readyAfter;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("The node was not ready within " + timeout + "; its log: " + log + "\n" + tail());
  }

  /** What Spring Boot logged as its own start-up time ("Started ... in x seconds"), if it did. */
  Optional<Double> springStartupSeconds() throws IOException {
    var matcher = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
    return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
  }

  /** Resident memory of the node's JVM (VmRSS of /proc/&lt;pid&gt;/status), in bytes; -1 where there is no /proc. */
  long residentBytes() {
    return procStatus("VmRSS:");
  }

  /** The most the node's JVM has been resident so far (VmHWM), in bytes; -1 where there is no /proc. */
  long peakResidentBytes() {
    return procStatus("VmHWM:");
  }

  private long procStatus(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc (not Linux) or the process is gone
    }
    return -1;
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** HTTP Basic of the node's admin (demo password on H2, the generated one on PostgreSQL). */
  String adminAuthorization() {
    return "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
  }

  Path log() {
    return log;
  }

  String tail() throws IOException {
    var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Stops the node as an operator would (SIGTERM), forcibly after 60 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
