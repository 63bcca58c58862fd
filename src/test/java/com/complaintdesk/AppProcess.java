package com.complaintdesk;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The application as a JVM process of its own, the way an operator starts it: the packaged jar
 * ({@code java -jar target/complaint-desk-*.jar}) or, before there is a jar, the application class from a classpath;
 * on a free port, with the settings an operator gives (environment variables, {@code --property=value} arguments),
 * its output in a log file. For the tests and benchmarks that need what one Spring context in the test JVM cannot
 * show: several nodes on one database, a node killed, the start-up time and memory of a real process.
 */
public final class AppProcess implements AutoCloseable {

  private static final String MAIN_CLASS = "com.complaintdesk.ComplaintDeskApplication";
  private static final Pattern STARTED = Pattern.compile("Started ComplaintDeskApplication in ([0-9.]+) seconds");
  /** Spring stops in seconds on SIGTERM; a process still there after this hangs and is killed. */
  private static final Duration GRACE = Duration.ofSeconds(30);
  /** Spring Boot's console format puts the level right after the time stamp. */
  private static final String ERROR_LINE = "^\\S+\\s+ERROR .*";

  /**
   * How to start the process: {@link #jar} or {@link #classpath}, then the settings; {@link #start} starts it. The
   * environment is the test JVM's plus what is given, unless {@link #withoutShellSettings} clears the app's own.
   */
  public static final class Launch {

    private final Path jar;
    private final String classpath;
    private String name = "app";
    private final List<String> jvmArgs = new ArrayList<>();
    private Path workingDirectory;
    private Path log;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private boolean shellSettings = true;
    private final List<String> arguments = new ArrayList<>();
    private int port;

    private Launch(Path jar, String classpath) {
      this.jar = jar;
      this.classpath = classpath;
    }

    public static Launch jar(Path jar) {
      return new Launch(jar, null);
    }

    /** The application class from a classpath: the test JVM's, say, where no jar has been built yet. */
    public static Launch classpath(String classpath) {
      return new Launch(null, classpath);
    }

    /** What the messages call it (a node's name); "app" unless given. */
    public Launch name(String name) {
      this.name = name;
      return this;
    }

    public Launch jvmArgs(List<String> jvmArgs) {
      this.jvmArgs.addAll(jvmArgs);
      return this;
    }

    /** Where it runs (created at the start); the test JVM's working directory unless given. */
    public Launch workingDirectory(Path workingDirectory) {
      this.workingDirectory = workingDirectory;
      return this;
    }

    /** Where its output (standard output and error) goes; required. Its folder is created at the start. */
    public Launch log(Path log) {
      this.log = log;
      return this;
    }

    public Launch environment(String variable, String value) {
      environment.put(variable, value);
      return this;
    }

    public Launch environment(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    /** No SPRING_* or COMPLAINT_DESK_* variable of the surrounding shell (its profile, mail server, database). */
    public Launch withoutShellSettings() {
      this.shellSettings = false;
      return this;
    }

    public Launch profile(String profile) {
      return arguments("--spring.profiles.active=" + profile);
    }

    public Launch property(String name, String value) {
      return arguments("--" + name + "=" + value);
    }

    /** Arguments for Spring, {@code --property=value} each. */
    public Launch arguments(String... arguments) {
      this.arguments.addAll(List.of(arguments));
      return this;
    }

    /** A port chosen before the start ({@link #freePort}), for settings that name it; a free one otherwise. */
    public Launch port(int port) {
      this.port = port;
      return this;
    }

    /** Starts the process and returns at once: {@link AppProcess#awaitReady} waits until it answers. */
    public AppProcess start() {
      if (log == null) {
        throw new IllegalStateException("No log file for " + name);
      }
      int chosenPort = port != 0 ? port : freePort();
      var command = new ArrayList<String>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmArgs);
      command.addAll(jar != null ? List.of("-jar", jar.toAbsolutePath().toString())
          : List.of("-cp", classpath, MAIN_CLASS));
      command.add("--server.port=" + chosenPort);
      command.addAll(arguments);
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      if (!shellSettings) {
        builder.environment().keySet()
            .removeIf(variable -> variable.startsWith("SPRING_") || variable.startsWith("COMPLAINT_DESK_"));
      }
      builder.environment().putAll(environment);
      try {
        if (workingDirectory != null) {
          Files.createDirectories(workingDirectory);
          builder.directory(workingDirectory.toFile());
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        builder.redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        // A test JVM that ends abnormally (a timeout, Ctrl-C) takes its processes with it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop " + name));
        return new AppProcess(name, chosenPort, log, process, started);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
      }
    }
  }

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;
  private final long startedNanos;
  private volatile Duration startUpTime;

  private AppProcess(String name, int port, Path log, Process process, long startedNanos) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
    this.startedNanos = startedNanos;
  }

  public static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The newest target/complaint-desk-*.jar ({@code mvn package}), if there is one. */
  public static Optional<Path> packagedJar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("complaint-desk-.*\\.jar"))
          .max(Comparator.comparingLong(file -> file.toFile().lastModified()));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * Waits until the home page answers 200 and returns the start-up time, from the process start to then. The app has
   * no actuator; its home page answers once the application context (engine, deployment, Flyway, the access set-up)
   * is up, which is when Tomcat starts taking requests. Fails with the log's story if the process ends first or the
   * timeout (counted from the start) runs out.
   */
  public Duration awaitReady(Duration timeout) {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    var request = HttpRequest.newBuilder(uri("/")).timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = startedNanos + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          fail(name + " ended with exit code " + process.exitValue() + " before it was ready; " + whyInLog());
        }
        try {
          if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            startUpTime = Duration.ofNanos(System.nanoTime() - startedNanos);
            return startUpTime;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return fail(name + " did not answer on port " + port + " within " + timeout + "; " + whyInLog());
  }

  /** How long it took from the process start to answering (null before {@link #awaitReady}). */
  public Duration startUpTime() {
    return startUpTime;
  }

  /** What Spring Boot logged as its own start-up time ("Started ... in x seconds"), if it did. */
  public Optional<Double> springStartupSeconds() {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.map(STARTED::matcher).filter(matcher -> matcher.find()).findFirst()
          .map(matcher -> Double.parseDouble(matcher.group(1)));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** Resident memory of the JVM (VmRSS of /proc/&lt;pid&gt;/status), in bytes; -1 where there is no /proc. */
  public long residentBytes() {
    return procStatus("VmRSS:");
  }

  /** The most the JVM has been resident so far (VmHWM), in bytes; -1 where there is no /proc. */
  public long peakResidentBytes() {
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

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL (destroyForcibly on Linux): no shutdown hook, no graceful stop; returns once the process is gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops it as an operator would (SIGTERM, Spring's orderly shutdown), with SIGKILL after {@link #GRACE}. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The causes of the exceptions in the log (distinct, the innermost last) and its last lines. */
  public String whyInLog() {
    try (Stream<String> lines = Files.lines(log)) {
      var causes = lines.filter(line -> line.startsWith("Caused by: ") || line.matches(ERROR_LINE))
          .map(line -> line.length() > 400 ? line.substring(0, 400) + "..." : line).distinct().toList();
      return "the causes in its log " + log + ":\n  " + String.join("\n  ", causes) + "\nand its last lines:\n"
          + logTail(30);
    } catch (IOException | UncheckedIOException e) {
      return "its log " + log + " is unreadable: " + e.getMessage();
    }
  }

  /** Whether the log has a line containing {@code text}. */
  public boolean logged(String text) {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.anyMatch(line -> line.contains(text));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** The log's lines at level ERROR. */
  public List<String> errorLines() {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(line -> line.matches(ERROR_LINE)).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of("(log unreadable: " + e.getMessage() + ")");
    }
  }

  @Override
  public String toString() {
    return name + " (port " + port + ")";
  }
}
