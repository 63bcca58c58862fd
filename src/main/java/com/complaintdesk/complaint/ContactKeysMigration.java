package com.complaintdesk.complaint;

import com.complaintdesk.config.ProgrammedMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 10: the contact's keys in indexed columns of the complaint table ({@link SameContact#email},
 * {@link SameContact#phoneKey}), so that the intake finds the open complaints of the same contact by index instead of
 * reading every complaint of the duplicate window (all of a week's complaints, on every submission). Existing rows
 * get their keys computed by the same code the intake uses, which SQL could not do alike on H2 and PostgreSQL.
 */
@Component
class ContactKeysMigration extends ProgrammedMigration {

  private static final int BATCH = 1000;

  ContactKeysMigration() {
    super(10, "contact keys of complaints");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table complaint add column contact_email_key varchar(320)");
      ddl.execute("alter table complaint add column contact_phone_key varchar(40)");
      ddl.execute("create index ix_complaint_contact_email on complaint (contact_email_key, received_at)");
      ddl.execute("create index ix_complaint_contact_phone on complaint (contact_phone_key, received_at)");
    }
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("select id, contact_email, contact_phone from complaint"
            + " where contact_email is not null or contact_phone is not null");
        PreparedStatement update = connection.prepareStatement(
            "update complaint set contact_email_key = ?, contact_phone_key = ? where id = ?")) {
      int batched = 0;
      while (rows.next()) {
        var contact = new Contact(null, rows.getString("contact_email"), rows.getString("contact_phone"));
        update.setString(1, SameContact.email(contact));
        update.setString(2, SameContact.phoneKey(contact));
        update.setLong(3, rows.getLong("id"));
        update.addBatch();
        if (++batched % BATCH == 0) {
          update.executeBatch();
        }
      }
      update.executeBatch();
    }
  }
}
