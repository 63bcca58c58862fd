package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.HttpClient;
import com.complaintdesk.security.WebappBrowser;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff outbox page: where a complaint's mail can be read without a mail server, by those who may. */
@ComplaintDeskTest
class OutboxPagesTest {

  static final String HOSTILE_COMPLAINT = """
      {"channel": "WEB_FORM", "declaredType": "FUNCTIONAL", "subject": "<script>alert(1)</script> crash",
       "description": "<img src=x onerror=alert(2)> when I upload", "affectedUsers": "ONE",
       "contact": {"name": "Li Wei", "email": "li.wei@example.org"}, "locale": "en"}
      """;

  @LocalServerPort int port;
  HttpClient http;

  @BeforeEach
  void client() {
    http = new HttpClient(port);
  }

  @Test
  void aManagerReadsTheAcknowledgementOfAFreshComplaintAsTheComplainantSeesIt() {
    String trackingNumber = http.post("/api/complaints", null, HOSTILE_COMPLAINT).json("$.trackingNumber");
    var manager = new WebappBrowser(port, "default");
    assertThat(manager.logInToStaffPages("manager", "demo").headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/staff/dashboard"));

    var outbox = manager.get("/staff/outbox");
    assertThat(outbox.statusCode()).isEqualTo(200);
    var row = Pattern.compile("href=\"/staff/outbox/(\\d+)\">\\d+</a></td>\\s*<td>" + trackingNumber
        + "</td>\\s*<td>Acknowledgement</td>").matcher(outbox.body());
    assertThat(row.find()).as("the acknowledgement of %s is listed", trackingNumber).isTrue();
    assertThat(outbox.body()).contains("li.wei@example.org");

    var message = manager.get("/staff/outbox/" + row.group(1));
    assertThat(message.statusCode()).isEqualTo(200);
    assertThat(message.body()).contains(trackingNumber).doesNotContain("<script>alert(1)");
    var html = manager.get("/staff/outbox/" + row.group(1) + "/html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        policy -> assertThat(policy).startsWith("sandbox").contains("default-src 'none'"));
    assertThat(html.body()).contains(trackingNumber).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
  }

  @Test
  void theOutboxAsksForALoginAndIsOnlyForThoseWhoReadEveryComplaint() {
    assertThat(http.get("/staff/outbox", null).status()).isEqualTo(302);
    assertThat(http.get("/staff/outbox", "manager").status()).as("no HTTP Basic here").isEqualTo(302);

    var handler = new WebappBrowser(port, "default");
    handler.logInToStaffPages("handler-tech", "demo");
    assertThat(handler.get("/staff/outbox").statusCode()).isEqualTo(403);

    var auditor = new WebappBrowser(port, "default");
    auditor.logInToStaffPages("auditor", "demo");
    assertThat(auditor.get("/staff/outbox").statusCode()).isEqualTo(200);
  }

  @Test
  void aLoginWithoutTheFormsCsrfTokenIsRefused() {
    var browser = new WebappBrowser(port, "default");
    var login = browser.post("/staff/login", "application/x-www-form-urlencoded", "username=manager&password=demo", false);
    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(browser.get("/staff/outbox").statusCode()).isEqualTo(302);
  }

  @Test
  void anUnknownMessageIsNotFound() {
    var manager = new WebappBrowser(port, "default");
    manager.logInToStaffPages("manager", "demo");
    assertThat(manager.get("/staff/outbox/999999999").statusCode()).isEqualTo(404);
  }
}
