package com.complaintdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's history: past complaints for the dashboard that leave room for the app's own. */
class ComplaintHistoryTest {

  @Test
  void pastComplaintsLieInTheirWindowAndTheAppsNextComplaintGetsAFreshId() throws Exception {
    var dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).table("complaint_desk_schema_history").load().migrate();
    var jdbc = JdbcClient.create(dataSource);
    Instant now = Instant.now();

    new ComplaintHistory(dataSource, 7, now).generate(200, 84, Duration.ofDays(30));

    assertThat(jdbc.sql("select count(*) from complaint_fact").query(Long.class).single()).isEqualTo(200);
    assertThat(jdbc.sql("select max(received_at) from complaint").query(Timestamp.class).single().toInstant())
        .isBefore(now.minus(Duration.ofDays(30)));
    assertThat(jdbc.sql("select min(received_at) from complaint").query(Timestamp.class).single().toInstant())
        .isAfter(now.minus(Duration.ofDays(114)));
    assertThat(jdbc.sql("select count(*) from complaint where status = 'CLOSED'").query(Long.class).single())
        .as("most of them closed by now").isGreaterThan(150);
    assertThat(jdbc.sql("select count(*) from complaint where contact_name is not null or contact_email is not null")
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(distinct access_token) from complaint").query(Long.class).single())
        .isEqualTo(200);

    jdbc.sql("""
            insert into complaint (tracking_number, access_token, channel, received_at, locale, status, created_at,
              updated_at)
            values ('CD-NEWONE0001', 'token', 'WEB_FORM', :now, 'en', 'RECEIVED', :now, :now)
            """)
        .param("now", Timestamp.from(now)).update();
    assertThat(jdbc.sql("select id from complaint where tracking_number = 'CD-NEWONE0001'").query(Long.class).single())
        .isEqualTo(201);
  }
}
