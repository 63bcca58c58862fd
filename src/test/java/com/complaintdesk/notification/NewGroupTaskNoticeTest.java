package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ComplaintDeskTest
class NewGroupTaskNoticeTest {

  @Autowired ProcessDriver driver;
  @Autowired JdbcClient jdbc;

  @Test
  void theGroupOfEveryUnassignedTaskIsToldThatItWaits() {
    var captured = driver.captureByStaff(Channel.HOTLINE, Instant.now(), "Caller cannot log in");
    assertThat(groupNotices(captured)).containsExactly("intake");

    var crash = driver.submitAppCrash();
    assertThat(groupNotices(crash)).containsExactly("tech-support-leads");
  }

  @Test
  void aTaskNamedToAHandlerNeedsNoGroupNotice() {
    var crash = driver.submitAppCrash();
    driver.complete(crash, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));

    assertThat(driver.task(crash, "ProposePlan").getAssignee()).isEqualTo("handler-tech");
    assertThat(groupNotices(crash)).containsExactly("tech-support-leads");
  }

  @Test
  void theNoticeLinksToTheTaskInTasklist() {
    var crash = driver.submitAppCrash();
    String payload = jdbc.sql("select payload from notification where complaint_id = :id and template = 'NEW_GROUP_TASK'")
        .param("id", crash.id()).query(String.class).single();
    assertThat(payload).contains("\"taskName\":\"Assign handler\"")
        .contains("/camunda/app/tasklist/default/#/?task=" + driver.task(crash, "AssignHandler").getId());
  }

  private List<String> groupNotices(Complaint complaint) {
    return jdbc.sql("select recipient from notification where complaint_id = :id and template = 'NEW_GROUP_TASK' order by id")
        .param("id", complaint.id()).query(String.class).list();
  }
}
