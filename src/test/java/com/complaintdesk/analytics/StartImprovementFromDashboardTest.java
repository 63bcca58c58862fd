package com.complaintdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.improvement.ImprovementActionRepository;
import com.complaintdesk.security.WebappBrowser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A complaint manager starts an improvement action from the dashboard for a category, a keyword and some complaints;
 * its department's leads get "Name owner". Nobody else may; unknown tracking numbers are refused with the page and a
 * message next to the form.
 */
@ComplaintDeskTest
class StartImprovementFromDashboardTest {

  private static final String FORM = "/staff/dashboard/improvement-actions";
  private static final Pattern STARTED = Pattern.compile("id=\"started-action\">(IA-\\d+)<");

  @LocalServerPort int port;
  @Autowired ProcessDriver process;
  @Autowired ProcessEngine engine;
  @Autowired ImprovementActionRepository actions;
  @Autowired JdbcClient jdbc;

  private WebappBrowser loggedIn(String user) {
    var browser = new WebappBrowser(port, "default");
    browser.logInToStaffPages(user, "demo");
    return browser;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void aManagerStartsAnActionForAKeywordAndComplaintsAndItsLeadsNameTheOwner() {
    var complaint = process.submitAppCrash();
    var manager = loggedIn("manager");
    assertThat(manager.get("/staff/dashboard").body())
        .contains("Improvement actions", "Start an improvement action", "id=\"improvement-actions\"");

    var posted = manager.postForm("/staff/dashboard", FORM, "category=FUNCTIONAL&keyword=Uploads"
        + "&department=TECH_SUPPORT&trackingNumbers=" + encode(" " + complaint.trackingNumber().toLowerCase() + ", "));

    assertThat(posted.statusCode()).isEqualTo(302);
    var page = manager.get("/staff/dashboard");
    var started = STARTED.matcher(page.body());
    assertThat(started.find()).as("the started action's reference on the page").isTrue();
    String reference = started.group(1);
    assertThat(page.body()).contains("FUNCTIONAL &quot;upload&quot;");

    var instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).processDefinitionKey("improvement-action").singleResult();
    assertThat(instance).isNotNull();
    process.executeDueJobs(instance.getId());
    var task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("NameOwner");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .extracting(link -> link.getGroupId()).containsExactly("tech-support-leads");
    var action = actions.get(com.complaintdesk.improvement.ImprovementAction.idOf(reference));
    assertThat(action.startedBy()).isEqualTo("manager");
    assertThat(action.topic().keyword()).isEqualTo("upload");
    assertThat(actions.linkedComplaints(action.id())).containsExactly(complaint.id());
    assertThat(manager.get("/staff/dashboard/data").body()).contains(reference);
  }

  @Test
  void onlyComplaintManagersMayStartAnAction() {
    var auditor = loggedIn("auditor");
    assertThat(auditor.get("/staff/dashboard").body()).contains("Improvement actions")
        .doesNotContain("Start an improvement action");

    var posted = auditor.postForm("/staff/dashboard", FORM, "category=FUNCTIONAL&department=TECH_SUPPORT");

    assertThat(posted.statusCode()).isEqualTo(403);
    assertThat(loggedIn("admin").postForm("/staff/dashboard", FORM, "category=FUNCTIONAL&department=TECH_SUPPORT")
        .statusCode()).isEqualTo(403);
  }

  @Test
  void unknownTrackingNumbersAreRefusedWithAMessageNextToTheForm() {
    var complaint = process.submitAppCrash();
    long before = actionCount();
    var manager = loggedIn("manager");

    var posted = manager.postForm("/staff/dashboard", FORM, "category=FUNCTIONAL&keyword=&department=TECH_SUPPORT"
        + "&trackingNumbers=" + encode(complaint.trackingNumber() + " CD-NOSUCH0000"));

    assertThat(posted.statusCode()).isEqualTo(422);
    assertThat(posted.body()).contains("id=\"start-error\"", "No complaint has the tracking number CD-NOSUCH0000")
        .contains("value=\"" + complaint.trackingNumber() + " CD-NOSUCH0000\"");
    assertThat(actionCount()).as("nothing started").isEqualTo(before);

    var unknownDepartment = manager.postForm("/staff/dashboard", FORM, "category=FUNCTIONAL&department=NOWHERE");
    assertThat(unknownDepartment.statusCode()).isEqualTo(422);
    assertThat(unknownDepartment.body()).contains("Choose a department of the catalogue");
  }

  private long actionCount() {
    return jdbc.sql("select count(*) from improvement_action").query(Long.class).single();
  }
}
