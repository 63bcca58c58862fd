package com.complaintdesk;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database on the machine's PostgreSQL server (127.0.0.1:5432, user postgres, trust authentication, as on
 * CI; {@code -Dpostgres.host/port/user} elsewhere) for the tests that must run on PostgreSQL.
 *
 * <p>Such a test class is {@code @EnabledIf("com.complaintdesk.PostgresDatabase#reachableOrRequired")}: skipped
 * when no server answers, unless {@code CI=true} (or {@code -Dpostgres.tests.required=true}), where it must run and
 * then fails with a clear message instead.
 */
public final class PostgresDatabase {

  public static final String DISABLED_REASON = "no PostgreSQL server answers on 127.0.0.1:5432 (or -Dpostgres.host"
      + " and -Dpostgres.port); start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

  private final String name;

  private PostgresDatabase(String name) {
    this.name = name;
  }

  /** For {@code @EnabledIf}: run when the server answers, or when PostgreSQL tests are required (and then fail). */
  public static boolean reachableOrRequired() {
    return reachable() || required();
  }

  private static boolean reachable() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host(), port()), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean required() {
    return Boolean.getBoolean("postgres.tests.required") || "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Creates an empty database named after the test ({@code cd_<purpose>_<random>}). */
  public static PostgresDatabase fresh(String purpose) {
    if (!reachable()) {
      fail("PostgreSQL tests are required (CI=true / postgres.tests.required=true) but no server answers on " + host()
          + ":" + port());
    }
    String name = "cd_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
        + UUID.randomUUID().toString().substring(0, 8);
    admin("create database " + name);
    return new PostgresDatabase(name);
  }

  /**
   * A fresh database for a Spring context of a test class of its own (its own engine name): from its
   * {@code @DynamicPropertySource} method, the datasource points at it.
   */
  public static PostgresDatabase freshFor(DynamicPropertyRegistry registry, String purpose) {
    PostgresDatabase database = fresh(purpose);
    registry.add("spring.datasource.url", database::url);
    registry.add("spring.datasource.username", PostgresDatabase::user);
    registry.add("spring.datasource.password", () -> "");
    return database;
  }

  public String url() {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + name;
  }

  public static String user() {
    return System.getProperty("postgres.user", "postgres");
  }

  public String name() {
    return name;
  }

  /** Drops the database (its connections are ended first). */
  public void drop() {
    admin("drop database if exists " + name + " with (force)");
  }

  private static void admin(String sql) {
    try (Connection connection = DriverManager.getConnection(
        "jdbc:postgresql://" + host() + ":" + port() + "/postgres", user(), "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + sql, e);
    }
  }

  private static String host() {
    return System.getProperty("postgres.host", "127.0.0.1");
  }

  private static int port() {
    return Integer.getInteger("postgres.port", 5432);
  }
}
