package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@ComplaintDeskTest
class NotificationDispatcherTest {

  @Autowired ProcessDriver driver;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void queuedNotificationsAreDeliveredToTheLocalOutboxOnce() {
    var complaint = driver.submitAppCrash();
    assertThat(states(complaint.id())).containsOnly("PENDING");

    dispatcher.dispatchPending();
    dispatcher.dispatchPending();

    assertThat(states(complaint.id())).containsOnly("SENT");
    assertThat(jdbc.sql("select attempts from notification where complaint_id = :id").param("id", complaint.id())
        .query(Integer.class).list()).as("each delivered exactly once").containsOnly(1);
  }

  @Test
  void aFailingSenderIsRetriedAndAfterFiveAttemptsTheNotificationIsMarkedFailed() {
    var complaint = driver.submitAppCrash();
    var failing = new NotificationDispatcher(jdbc, notification -> {
      throw new IllegalStateException("mail server down");
    }, transactions);

    for (int attempt = 1; attempt <= 4; attempt++) {
      failing.dispatchPending();
      assertThat(states(complaint.id())).containsOnly("PENDING");
    }
    failing.dispatchPending();

    assertThat(states(complaint.id())).containsOnly("FAILED");
    assertThat(jdbc.sql("select last_error from notification where complaint_id = :id").param("id", complaint.id())
        .query(String.class).list()).containsOnly("mail server down");
  }

  private List<String> states(long complaintId) {
    return jdbc.sql("select state from notification where complaint_id = :id").param("id", complaintId)
        .query(String.class).list();
  }
}
