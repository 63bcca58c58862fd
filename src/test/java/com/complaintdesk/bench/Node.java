package com.complaintdesk.bench;

import com.complaintdesk.AppProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * How the benchmark starts a complaint-desk node ({@link AppProcess}), the way an operator does:
 * {@code java -jar target/complaint-desk-*.jar} in a fresh working directory (so the H2 file under ./data is new), or
 * on PostgreSQL with the postgres profile and its environment variables, with README's {@code MALLOC_ARENA_MAX=2}. Without a jar (the smoke test) it starts the
 * application class from a classpath instead.
 */
final class Node {

  /** How to start the node. */
  record Launch(Path jar, String classpath, List<String> jvmArgs, Path workingDirectory, String dbUrl, String dbUser,
      String dbPassword, String adminPassword) {

    boolean postgres() {
      return dbUrl != null && dbUrl.startsWith("jdbc:postgresql:");
    }

    Path log() {
      return workingDirectory.resolve("node.log");
    }

    /** HTTP Basic of the node's admin (demo password on H2, the generated one on PostgreSQL). */
    String adminAuthorization() {
      String password = postgres() ? adminPassword : "demo";
      return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  private Node() {
  }

  static AppProcess start(Launch launch) {
    var app = launch.jar() != null ? AppProcess.Launch.jar(launch.jar())
        : AppProcess.Launch.classpath(launch.classpath());
    app.name(launch.workingDirectory().getFileName().toString()).jvmArgs(launch.jvmArgs())
        .workingDirectory(launch.workingDirectory()).log(launch.log())
        // README's setting for a node: two malloc arenas keep the C library's memory beside the heap small.
        .environment("MALLOC_ARENA_MAX", "2")
        // The public API's per-client limit would refuse a benchmark client after 60 requests a minute.
        .property("complaint-desk.public-api.rate-limit-per-minute", "0");
    if (launch.postgres()) {
      int port = AppProcess.freePort();
      return app.port(port).profile("postgres")
          .environment("COMPLAINT_DESK_DB_URL", launch.dbUrl())
          .environment("COMPLAINT_DESK_DB_USER", launch.dbUser())
          .environment("COMPLAINT_DESK_DB_PASSWORD", launch.dbPassword() == null ? "" : launch.dbPassword())
          .environment("COMPLAINT_DESK_ADMIN_PASSWORD", launch.adminPassword())
          .environment("COMPLAINT_DESK_PUBLIC_BASE_URL", "http://localhost:" + port)
          .start();
    }
    // Demo users (the admin calls /engine-rest for the floor), no sample complaints: a fresh, empty database.
    app.property("complaint-desk.demo.sample-complaints", "false")
        .property("complaint-desk.development.redeploy-models", "false");
    if (launch.dbUrl() != null) {
      app.property("spring.datasource.url", launch.dbUrl());
    }
    return app.start();
  }
}
