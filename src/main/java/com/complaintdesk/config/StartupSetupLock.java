package com.complaintdesk.config;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster that start at the same moment on one PostgreSQL database take turns at the start-up set-up:
 * the first admin user ({@code camunda.bpm.admin-user}), our groups, authorizations and Tasklist filters
 * ({@code security/AccessSetup}) and the deployment of the models. Each of those creates what it finds missing; two
 * nodes looking at once both find it missing and both create it: a duplicate key then stops one node's start (a
 * group, an authorization, the admin user), or Tasklist shows each filter twice. A PostgreSQL advisory lock, taken
 * before the first of them (this plugin comes first) and released once the engine is built and the models deployed
 * (every singleton exists), lets one node through at a time; a node that dies holding it releases it with its
 * connection. The engine's tables are created before, outside this lock. H2, the embedded default, has one node.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupSetupLock extends AbstractCamundaConfiguration implements SmartInitializingSingleton, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StartupSetupLock.class);
  /** The advisory lock's key, shared by every node of a database ("cdsetup" in ASCII). */
  static final long KEY = 0x6364736574757000L;

  private final DataSource dataSource;
  private Connection holding;

  StartupSetupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
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
        log.info("Another node is setting up the engine (admin user, groups, filters, deployment): waiting for it");
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
        statement.execute("select pg_advisory_unlock_all()");
      }
    } catch (SQLException e) {
      // closing the connection releases the lock as well
      log.warn("Releasing the start-up lock failed ({}); closing its connection released it", e.getMessage());
    }
  }
}
