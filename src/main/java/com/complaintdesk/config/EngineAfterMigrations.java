package com.complaintdesk.config;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * The process engine is built after the database is migrated: Flyway creates its tables (EngineSchemaMigration),
 * so the engine bean waits for Flyway like Spring's own JDBC and JPA beans do. Registered in META-INF/spring.factories.
 */
public class EngineAfterMigrations implements DependsOnDatabaseInitializationDetector {

  @Override
  public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
    return Set.of(beanFactory.getBeanNamesForType(ProcessEngine.class, true, false));
  }
}
