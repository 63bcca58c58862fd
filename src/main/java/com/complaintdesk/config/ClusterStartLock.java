package com.complaintdesk.config;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster that start at the same moment on one PostgreSQL database start one after the other. What a
 * node does first is check-then-create: Flyway's first migration (a node can take another's new, still empty
 * history table for an old schema), the first admin user ({@code camunda.bpm.admin-user}), our groups, authorizations
 * and Tasklist filters ({@code security/AccessSetup}) and the deployment of the models. Two nodes looking at once
 * both find something missing and both create it: a duplicate key stops one node's start, or Tasklist shows each
 * filter twice. A PostgreSQL advisory lock, taken before Flyway migrates and released once every singleton exists
 * (the engine built, the models deployed), lets one node through at a time; a node that dies holding it releases
 * it with its connection. H2, the embedded default, has one node and takes no lock.
 */
@Component
class ClusterStartLock implements FlywayMigrationStrategy, SmartInitializingSingleton, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ClusterStartLock.class);
  /** The advisory lock's key, shared by every node of a database ("cdsetup" in ASCII). */
  static final long KEY = 0x6364736574757000L;

  private final DataSource dataSource;
  private Connection holding;

  ClusterStartLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void migrate(Flyway flyway) {
    take();
    flyway.migrate();
  }

  private synchronized void take() {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      boolean taken;
      try (var statement = connection.createStatement();
          var result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
        taken = result.next() && result.getBoolean(1);
      }
      if (!taken) {
        log.info("Another node is starting on this database (migrations, admin user, groups, filters, deployment):"
            + " waiting for it");
        try (var statement = connection.createStatement()) {
          statement.execute("select pg_advisory_lock(" + KEY + ")");
        }
      }
      holding = connection;
    } catch (SQLException e) {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // the start fails anyway
        }
      }
      throw new IllegalStateException("Cannot take the start-up lock on the database", e);
    }
  }

  @Override
  public void afterSingletonsInstantiated() {
    release();
  }

  @Override
  public void destroy() {
    release();
  }

  private synchronized void release() {
    if (holding == null) {
      return;
    }
    try (Connection connection = holding) {
      holding = null;
      try (var statement = connection.createStatement()) {
        statement.execute("select pg_advisory_unlock(" + KEY + ")");
      }
    } catch (SQLException e) {
      // closing the connection releases the lock as well
      log.warn("Releasing the start-up lock failed ({}); closing its connection released it", e.getMessage());
    }
  }
}
