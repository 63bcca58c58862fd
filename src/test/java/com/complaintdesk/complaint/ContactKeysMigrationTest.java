package com.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration 10 gives the complaints stored before it the contact keys the intake looks them up by: a repeat of a
 * complaint from before the upgrade is still recognised.
 */
class ContactKeysMigrationTest {

  @Test
  void complaintsStoredBeforeTheMigrationGetTheKeysOfTheirContact() {
    var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:contact-keys-" + UUID.randomUUID(), "sa", "", true);
    try {
      flyway(dataSource).target("8").load().migrate();
      var jdbc = JdbcClient.create(dataSource);
      insert(jdbc, "CD-1", " Li.Wei@Example.org ", "+86 138-0000-1234");
      insert(jdbc, "CD-2", null, "0 1234 567");
      insert(jdbc, "CD-3", null, null);

      flyway(dataSource).javaMigrations(new ContactKeysMigration()).load().migrate();

      assertThat(keys(jdbc, "CD-1")).containsEntry("CONTACT_EMAIL_KEY", "li.wei@example.org")
          .containsEntry("CONTACT_PHONE_KEY", "00001234");
      assertThat(keys(jdbc, "CD-2")).containsEntry("CONTACT_EMAIL_KEY", null)
          .as("a number shorter than a national one is its own key").containsEntry("CONTACT_PHONE_KEY", "1234567");
      assertThat(keys(jdbc, "CD-3")).containsEntry("CONTACT_EMAIL_KEY", null).containsEntry("CONTACT_PHONE_KEY", null);
      assertThat(SameContact.phoneKey(new Contact(null, null, "0086 13800001234")))
          .as("the international form of CD-1's number finds it").isEqualTo("00001234");
    } finally {
      dataSource.destroy();
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(SingleConnectionDataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).table("complaint_desk_schema_history")
        .locations("classpath:db/migration");
  }

  private static void insert(JdbcClient jdbc, String trackingNumber, String email, String phone) {
    jdbc.sql("""
            insert into complaint (tracking_number, access_token, channel, received_at, locale, status, created_at,
              updated_at, reopen_count, contact_email, contact_phone)
            values (:trackingNumber, :trackingNumber, 'EMAIL', current_timestamp, 'en', 'RECEIVED', current_timestamp,
              current_timestamp, 0, :email, :phone)
            """)
        .param("trackingNumber", trackingNumber).param("email", email).param("phone", phone).update();
  }

  private static Map<String, Object> keys(JdbcClient jdbc, String trackingNumber) {
    return jdbc.sql("select contact_email_key, contact_phone_key from complaint where tracking_number = :number")
        .param("number", trackingNumber).query().singleRow();
  }
}
