package com.complaintdesk.audit;

import com.complaintdesk.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Cockpit plugins' API as CockpitHistoryApiTest checks it, on PostgreSQL: the History list is a native query on
 * the engine's history tables, and must read the same there as on H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.process-engine-name=" + CockpitHistoryApiOnPostgresTest.ENGINE)
@DirtiesContext
@EnabledIf(value = "com.complaintdesk.PostgresDatabase#reachableOrRequired",
    disabledReason = PostgresDatabase.DISABLED_REASON)
class CockpitHistoryApiOnPostgresTest extends CockpitHistoryApiTest {

  static final String ENGINE = "postgresCockpitHistory";
  private static PostgresDatabase database;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    database = PostgresDatabase.freshFor(registry, "cockpit_history");
  }

  /** No other class uses this context (its own engine name): the database goes, with force, and the context with it. */
  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.drop();
    }
  }
}
