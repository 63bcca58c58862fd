package com.complaintdesk.cluster;

import com.complaintdesk.AppProcess;
import com.complaintdesk.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh PostgreSQL database for one cluster test ({@code cd_it_<random>}, see {@link PostgresDatabase}: skipped
 * without a server, failing under {@code CI=true}), dropped on close, and plain JDBC reads of it.
 */
final class ClusterDatabase implements AutoCloseable {

  private final PostgresDatabase database;

  private ClusterDatabase(PostgresDatabase database) {
    this.database = database;
  }

  static ClusterDatabase create() {
    return new ClusterDatabase(PostgresDatabase.fresh("it"));
  }

  String url() {
    return database.url();
  }

  String user() {
    return PostgresDatabase.user();
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user(), "");
  }

  /** The rows of a query, each as column name (lower case) to value. */
  List<Map<String, Object>> rows(String sql, Object... parameters) {
    try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int column = 1; column <= columns; column++) {
            row.put(result.getMetaData().getColumnLabel(column).toLowerCase(), result.getObject(column));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The one number a query answers (a count). */
  long count(String sql, Object... parameters) {
    var rows = rows(sql, parameters);
    return ((Number) rows.get(0).values().iterator().next()).longValue();
  }

  /** The first column of every row, as strings. */
  List<String> strings(String sql, Object... parameters) {
    return rows(sql, parameters).stream().map(row -> String.valueOf(row.values().iterator().next())).toList();
  }

  /**
   * Waits until the first node's Flyway run has created every table (the engine's come last), so that a second node
   * starting now finds the schema history filled. (Two nodes starting on an empty database at the same moment is
   * ConcurrentStartIT's subject.)
   */
  void awaitMigrated(AppProcess first) {
    Await.until(first + " migrated the empty database", Duration.ofSeconds(120), () -> {
      if (!first.isAlive()) {
        throw new AssertionError(first + " stopped while starting; " + first.whyInLog());
      }
      return count("select count(*) from pg_tables where tablename = 'act_ge_property'") > 0;
    }, () -> "no engine tables yet");
  }

  /** Drops the database, ending what the (stopped or killed) nodes may have left connected. */
  @Override
  public void close() {
    database.drop();
  }

  @Override
  public String toString() {
    return database.name();
  }
}
