package com.complaintdesk.cluster;

import com.complaintdesk.AppProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The nodes a test started on its database, each the packaged jar as a JVM process of its own ({@link AppProcess})
 * with the postgres (production) profile and the settings an operator gives through the environment; their logs in
 * {@code target/cluster-it/<test>/<name>.log}. Each node names itself in the engine's history ({@code hostname}, the
 * HOSTNAME_ column of ACT_HI_JOB_LOG), so the tests can tell which node ran a job. Closing stops every one still
 * running (before the database is dropped).
 */
final class ClusterNodes implements AutoCloseable {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "cluster-it-admin-password";
  /** For {@link AppProcess#awaitReady}, counted from the node's start. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("cluster.start-timeout-seconds", 120));
  private static final Path LOG_DIRECTORY = Path.of(System.getProperty("cluster.log-directory", "target/cluster-it"));

  private final ClusterDatabase database;
  private final String test;
  private final List<AppProcess> started = new ArrayList<>();

  ClusterNodes(ClusterDatabase database, Class<?> test) {
    this.database = database;
    this.test = test.getSimpleName();
  }

  AppProcess start(String name, String... settings) {
    return start(name, Map.of(), settings);
  }

  /**
   * Starts node-a, and node-b once node-a has migrated the empty database (starting together is ConcurrentStartIT's
   * subject); returns both once they are ready.
   */
  List<AppProcess> startTwo(Map<String, String> variables, String... settings) {
    AppProcess nodeA = start("node-a", variables, settings);
    database.awaitMigrated(nodeA);
    AppProcess nodeB = start("node-b", variables, settings);
    nodeA.awaitReady(START_TIMEOUT);
    nodeB.awaitReady(START_TIMEOUT);
    return List.of(nodeA, nodeB);
  }

  /**
   * Starts the jar as node {@code name} (also its engine hostname), with environment variables besides the
   * database's, the admin's and the public address, and {@code --property=value} arguments. Returns at once.
   */
  AppProcess start(String name, Map<String, String> variables, String... settings) {
    var node = AppProcess.Launch.jar(jar()).name(name)
        // Small and quick to start: C1 only (less compiling on a 2-core machine), serial GC (no GC threads to share).
        .jvmArgs(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
        .log(LOG_DIRECTORY.resolve(test).resolve(name + ".log"))
        .profile("postgres")
        .property("camunda.bpm.generic-properties.properties.hostname", name)
        .arguments(settings)
        // Only what the test gives: no profile, mail server or database of the surrounding shell.
        .withoutShellSettings()
        .environment("COMPLAINT_DESK_DB_URL", database.url())
        .environment("COMPLAINT_DESK_DB_USER", database.user())
        .environment("COMPLAINT_DESK_DB_PASSWORD", "")
        .environment("COMPLAINT_DESK_ADMIN_ID", ADMIN)
        .environment("COMPLAINT_DESK_ADMIN_PASSWORD", ADMIN_PASSWORD)
        // The address complainants reach the cluster at: the load balancer's, the same for every node.
        .environment("COMPLAINT_DESK_PUBLIC_BASE_URL", "https://complaints.cluster-it.example")
        .environment(variables)
        .start();
    started.add(node);
    return node;
  }

  /** The jar that {@code mvn package} built: {@code -Dcluster.jar} (set by failsafe), else the one in target/. */
  static Path jar() {
    String configured = System.getProperty("cluster.jar");
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return Path.of(configured);
    }
    return AppProcess.packagedJar().orElseThrow(() -> new IllegalStateException("No target/complaint-desk-*.jar:"
        + " run mvn package first (mvn verify runs these tests after it)"));
  }

  @Override
  public void close() {
    // SIGTERM to all first, so that they stop side by side
    started.parallelStream().forEach(AppProcess::close);
  }
}
