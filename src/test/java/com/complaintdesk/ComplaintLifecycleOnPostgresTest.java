package com.complaintdesk;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole lifecycle over HTTP, as ComplaintLifecycleOverHttpTest runs it, on PostgreSQL: a fresh database whose
 * every table (ours and the engine's) Flyway creates, as on a production node.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.process-engine-name=" + ComplaintLifecycleOnPostgresTest.ENGINE)
@DirtiesContext
@EnabledIf(value = "com.complaintdesk.PostgresDatabase#reachableOrRequired",
    disabledReason = PostgresDatabase.DISABLED_REASON)
class ComplaintLifecycleOnPostgresTest extends ComplaintLifecycleOverHttpTest {

  static final String ENGINE = "postgresLifecycle";
  private static PostgresDatabase database;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    database = PostgresDatabase.freshFor(registry, "lifecycle");
  }

  @Override
  protected String engineRest() {
    return "/engine-rest/engine/" + ENGINE;
  }

  /** No other class uses this context (its own engine name): the database goes, with force, and the context with it. */
  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.drop();
    }
  }
}
