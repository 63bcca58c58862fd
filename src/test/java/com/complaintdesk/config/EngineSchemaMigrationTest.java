package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/**
 * Flyway's migration 9 creates the engine's tables with Camunda's own scripts, leaves tables the engine made itself
 * (before the migration existed) alone, and belongs to the engine version on the classpath.
 */
class EngineSchemaMigrationTest {

  private final EngineSchemaMigration migration = new EngineSchemaMigration();

  @Test
  void anEmptyDatabaseGetsEveryEngineTableAndItsSchemaVersion() throws SQLException {
    try (Connection connection = emptyDatabase()) {
      migration.migrate(context(connection));

      for (String table : new String[] {"ACT_RU_JOB", "ACT_HI_PROCINST", "ACT_ID_USER", "ACT_RE_DECISION_DEF",
          "ACT_HI_DECINST", "ACT_RE_CASE_DEF"}) {
        assertThat(count(connection, "select count(*) from information_schema.tables where table_name = '" + table + "'"))
            .as(table).isEqualTo(1);
      }
      assertThat(text(connection, "select VERSION_ from ACT_GE_SCHEMA_LOG")).startsWith(EngineSchemaMigration.CAMUNDA_VERSION);
    }
  }

  @Test
  void engineTablesThatExistAlreadyAreLeftAsTheyAre() throws SQLException {
    try (Connection connection = emptyDatabase()) {
      migration.migrate(context(connection));
      try (Statement statement = connection.createStatement()) {
        statement.execute("insert into ACT_GE_PROPERTY values ('marker', 'made by the engine', 1)");
      }

      migration.migrate(context(connection));

      assertThat(text(connection, "select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'marker'"))
          .isEqualTo("made by the engine");
      assertThat(count(connection, "select count(*) from ACT_GE_SCHEMA_LOG")).isEqualTo(1);
    }
  }

  @Test
  void theMigrationBelongsToTheEngineOnTheClasspath() {
    assertThat(ProcessEngine.class.getPackage().getImplementationVersion())
        .as("a new Camunda version needs a migration with its upgrade script (README, Upgrading Camunda)")
        .startsWith(EngineSchemaMigration.CAMUNDA_VERSION + ".");
  }

  private static Connection emptyDatabase() throws SQLException {
    return DriverManager.getConnection("jdbc:h2:mem:engine-schema-" + UUID.randomUUID());
  }

  private static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static String text(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }
}
