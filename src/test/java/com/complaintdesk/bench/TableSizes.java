package com.complaintdesk.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows and bytes of every table in the app's schema (the engine's ACT_* and ours), on H2 or PostgreSQL. Bytes are
 * the table with its indexes: on PostgreSQL {@code pg_total_relation_size}; on H2 the table's pages and those of
 * its indexes as H2 itself sums them ({@code Table.getDiskSpaceUsed(true, false)}: the SQL function
 * {@code DISK_SPACE_USED} leaves the indexes out). H2 counts whole pages, so a table of a few rows weighs a page or
 * more. Both walk the tables: meant for a small database.
 */
final class TableSizes {

  /** One table: its rows and bytes. */
  record Size(long rows, long bytes) {
  }

  /** The groups the benchmark reports, by table name (upper case). */
  enum Group {
    ENGINE_RUNTIME("engine runtime (ACT_RU_*)"), ENGINE_HISTORY("engine history (ACT_HI_*)"),
    BYTE_ARRAYS("engine byte arrays (ACT_GE_BYTEARRAY)"), ENGINE_OTHER("other engine tables (ACT_RE_*, ACT_ID_*, ...)"),
    OURS("ours");

    final String label;

    Group(String label) {
      this.label = label;
    }

    static Group of(String table) {
      if (table.startsWith("ACT_RU_")) {
        return ENGINE_RUNTIME;
      }
      if (table.startsWith("ACT_HI_")) {
        return ENGINE_HISTORY;
      }
      if (table.equals("ACT_GE_BYTEARRAY")) {
        return BYTE_ARRAYS;
      }
      return table.startsWith("ACT_") ? ENGINE_OTHER : OURS;
    }
  }

  private final DataSource dataSource;
  private final boolean postgres;

  TableSizes(DataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  /** Every table of the current schema by its name in upper case. */
  Map<String, Size> measure() throws SQLException {
    var jdbc = JdbcClient.create(dataSource);
    List<String> tables = jdbc.sql("select table_name from information_schema.tables"
        + " where table_schema = current_schema and table_type = 'BASE TABLE'").query(String.class).list();
    var sizes = new TreeMap<String, Size>();
    try (Connection connection = dataSource.getConnection()) {
      for (String table : tables) {
        long rows;
        try (var statement = connection.createStatement();
            var result = statement.executeQuery("select count(*) from " + quoted(table))) {
          result.next();
          rows = result.getLong(1);
        }
        sizes.put(table.toUpperCase(Locale.ROOT), new Size(rows, bytes(connection, table)));
      }
    }
    return sizes;
  }

  private long bytes(Connection connection, String table) throws SQLException {
    if (postgres) {
      try (var statement = connection.prepareStatement("select pg_total_relation_size(cast(? as regclass))")) {
        statement.setString(1, quoted(table));
        try (var result = statement.executeQuery()) {
          result.next();
          return result.getLong(1);
        }
      }
    }
    var session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    return session.getDatabase().getSchema(session.getCurrentSchemaName()).getTableOrView(session, table)
        .getDiskSpaceUsed(true, false);
  }

  private static String quoted(String table) {
    return "\"" + table.replace("\"", "\"\"") + "\"";
  }
}
