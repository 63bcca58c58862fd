package com.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.feedback.ComplainantActions;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After whole lifecycles the complainant's name, email and phone appear in no engine table: not in runtime or
 * history variables, history details, byte arrays, nor anywhere else Cockpit could show them.
 */
@ComplaintDeskTest
class ContactDetailsStayOutOfTheEngineTest {

  @Autowired ProcessDriver driver;
  @Autowired ComplainantActions complainant;
  @Autowired ComplaintRepository complaints;
  @Autowired DataSource dataSource;

  @Test
  void contactDetailsAreNowhereInTheEngineTables() throws SQLException {
    var closedBySurvey = driver.submitAppCrash();
    driver.handleUntilResultSent(closedBySurvey);
    complainant.answerSurvey(complaints.get(closedBySurvey.trackingNumber()), 2, "Not good");
    driver.handleUntilResultSent(closedBySurvey);
    driver.advanceClock(closedBySurvey, Duration.ofDays(8));
    driver.complete(closedBySurvey, "FollowUpCall", "handler-cs", Map.of("reached", true, "satisfaction", 4, "comment", "Fine"));
    assertThat(driver.reload(closedBySurvey).status()).isEqualTo(ComplaintStatus.CLOSED);

    var loggedByStaff = driver.captureByStaff(Channel.HOTLINE, java.time.Instant.now(), "Caller reports a refund problem");
    driver.complete(loggedByStaff, "LogComplaint", "agent", Map.of("subject", "Refund missing",
        "description", "Refund not received", "declaredType", "TRANSACTION_DISPUTE", "affectedUsers", "ONE"));
    complainant.withdraw(complaints.get(loggedByStaff.trackingNumber()));

    assertThat(driver.reload(loggedByStaff).contact()).as("our table keeps them").isEqualTo(ProcessDriver.CONTACT);
    var contact = ProcessDriver.CONTACT;
    assertThat(engineCellsContaining(contact.email(), contact.phone(), contact.name())).isEmpty();
  }

  private List<String> engineCellsContaining(String... needles) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = connection.getMetaData().getTables(null, null, "ACT_%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).as("the engine's tables").contains("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY");
      for (String table : tables) {
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select * from " + table)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int column = 1; column <= columns; column++) {
              String text = text(rows.getObject(column));
              for (String needle : needles) {
                if (text != null && text.contains(needle)) {
                  found.add(table + "." + rows.getMetaData().getColumnName(column) + " contains " + needle);
                }
              }
            }
          }
        }
      }
    }
    return found;
  }

  private static String text(Object value) throws SQLException {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Blob blob) {
      return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return value == null ? null : value.toString();
  }
}
