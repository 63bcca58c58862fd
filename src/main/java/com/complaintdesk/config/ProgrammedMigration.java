package com.complaintdesk.config;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java (a Spring bean, so Spring Boot hands it to Flyway), numbered in the same
 * sequence as the SQL ones in {@code db/migration}, and run in the migration's transaction.
 */
public abstract class ProgrammedMigration implements JavaMigration {

  private final MigrationVersion version;
  private final String description;

  protected ProgrammedMigration(int version, String description) {
    this.version = MigrationVersion.fromVersion(Integer.toString(version));
    this.description = description;
  }

  @Override
  public final MigrationVersion getVersion() {
    return version;
  }

  @Override
  public final String getDescription() {
    return description;
  }

  /** No checksum: the code is the migration, and Flyway has nothing of it to compare. */
  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }
}
