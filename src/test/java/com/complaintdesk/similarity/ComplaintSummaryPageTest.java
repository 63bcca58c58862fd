package com.complaintdesk.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.security.WebappBrowser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The summary of a complaint that task forms link to from their similar complaints: everyone who handles complaints
 * may read it (after the staff login, or with their Tasklist login), nobody sees contact details on it, and the public
 * is sent to the staff login.
 */
@ComplaintDeskTest
class ComplaintSummaryPageTest {

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;

  @Test
  void whoeverHandlesComplaintsReadsWhatItIsAboutButNotWhoSentIt() {
    var complaint = driver.submitAppCrash();
    String path = "/staff/complaints/" + complaint.trackingNumber() + "/summary";

    for (String user : new String[] {"triager", "handler-design", "lead-tech", "agent", "auditor"}) {
      var page = pageAs(user, path);
      assertThat(page.statusCode()).as(user).isEqualTo(200);
      assertThat(page.body()).as(user).contains(complaint.trackingNumber(), complaint.subject(), "FUNCTIONAL")
          .doesNotContain(ProcessDriver.CONTACT.email(), ProcessDriver.CONTACT.name(), ProcessDriver.CONTACT.phone());
    }
  }

  @Test
  void theTasklistLoginOpensTheSummaryWithoutASecondLogin() {
    var complaint = driver.submitAppCrash();
    var browser = new WebappBrowser(port, "default");
    assertThat(browser.logIn("tasklist", "triager", "demo").statusCode()).isEqualTo(200);

    var summary = browser.get("/staff/complaints/" + complaint.trackingNumber() + "/summary");
    assertThat(summary.statusCode()).isEqualTo(200);
    assertThat(summary.body()).contains(complaint.trackingNumber())
        .as("no links to pages that would answer 403").doesNotContain("href=\"/staff/dashboard\"", "href=\"/staff/outbox\"");
    assertThat(browser.get("/staff/dashboard").statusCode()).as("the dashboard stays with its readers").isEqualTo(403);
  }

  @Test
  void anUnknownTrackingNumberIsANotFoundPageAndThePublicIsSentToTheLogin() {
    var unknown = pageAs("triager", "/staff/complaints/CD-0000000000/summary");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("There is no complaint CD-0000000000");

    var anonymous = new WebappBrowser(port, "default").get("/staff/complaints/CD-0000000000/summary");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/staff/login"));
  }

  @Test
  void theAuditPageStaysWithThoseWhoReadEveryComplaint() {
    var complaint = driver.submitAppCrash();

    assertThat(pageAs("triager", "/staff/complaints/" + complaint.trackingNumber() + "/audit").statusCode())
        .isEqualTo(403);
  }

  private HttpResponse<String> pageAs(String user, String path) {
    var browser = new WebappBrowser(port, "default");
    browser.logInToStaffPages(user, "demo");
    return browser.get(path);
  }
}
