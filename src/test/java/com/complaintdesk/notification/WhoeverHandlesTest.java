package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A message for "whoever handles the complaint now" reaches the person or group that has it at that stage. */
@ComplaintDeskTest
class WhoeverHandlesTest {

  @Autowired ProcessDriver driver;
  @Autowired NotificationOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void beforeLoggingItIsTheIntakeGroup() {
    var captured = driver.captureByStaff(Channel.HOTLINE, Instant.now(), "Caller cannot log in");
    assertThat(tell(captured)).isEqualTo("STAFF_GROUP intake");
  }

  @Test
  void onceRoutedItIsTheDepartmentsLeads() {
    assertThat(tell(driver.submitAppCrash())).isEqualTo("STAFF_GROUP tech-support-leads");
  }

  @Test
  void onceAHandlerIsNamedItIsTheHandler() {
    var crash = driver.submitAppCrash();
    driver.complete(crash, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    assertThat(tell(crash)).isEqualTo("STAFF_USER handler-tech");
  }

  private String tell(Complaint complaint) {
    transactions.executeWithoutResult(status ->
        outbox.toWhoeverHandles(driver.reload(complaint), NotificationTemplate.USER_REPLIED, Map.of("reply", "Thanks")));
    return jdbc.sql("select recipient_kind || ' ' || recipient from notification where complaint_id = :id"
            + " and template = 'USER_REPLIED'")
        .param("id", complaint.id()).query(String.class).single();
  }
}
