package com.complaintdesk.config;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates the process engine's tables with Camunda's own SQL scripts (those of its manual installation, shipped in
 * the engine jar for each database), as migration 9 of our Flyway history. So one controlled mechanism owns every
 * table: Flyway's lock lets the first node of a cluster create them while the others wait, and the engine
 * ({@code camunda.bpm.database.schema-update: false}) only checks the schema version at start. A database whose
 * engine tables exist already (made by the engine itself, before this migration) is left as it is. An engine upgrade
 * adds a migration that runs Camunda's upgrade script ({@code org/camunda/bpm/engine/db/upgrade/
 * <database>_engine_<from>_to_<to>.sql}), see README "Upgrading Camunda".
 */
@Component
class EngineSchemaMigration extends ProgrammedMigration {

  static final String CAMUNDA_VERSION = "7.24";
  /** The scripts in the order the engine itself runs them (DbSqlSession.dbSchemaCreate), for history level full. */
  private static final List<String> COMPONENTS =
      List.of("engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");
  private static final String PROPERTY_TABLE = "ACT_GE_PROPERTY";

  EngineSchemaMigration() {
    super(9, "Camunda " + CAMUNDA_VERSION + " engine schema");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (engineTablesExist(connection)) {
      return;
    }
    String database = camundaDatabaseType(connection.getMetaData());
    for (String component : COMPONENTS) {
      ScriptUtils.executeSqlScript(connection, new EncodedResource(new ClassPathResource(
          "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + component + ".sql")));
    }
  }

  private static boolean engineTablesExist(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    // PostgreSQL keeps unquoted names in lower case, H2 in upper case.
    for (String name : List.of(PROPERTY_TABLE, PROPERTY_TABLE.toLowerCase(Locale.ROOT))) {
      try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), name,
          new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Camunda's name of the database, as in its script names. */
  private static String camundaDatabaseType(DatabaseMetaData metaData) throws SQLException {
    String product = metaData.getDatabaseProductName();
    return switch (product) {
      case "PostgreSQL" -> "postgres";
      case "H2" -> "h2";
      default -> throw new IllegalStateException("complaint-desk runs on PostgreSQL or H2, not on " + product);
    };
  }
}
