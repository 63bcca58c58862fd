package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.PageBrowser;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.ComplaintStatus;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The complainant's pages as a browser without JavaScript uses them: plain GETs and form POSTs with the
 * session cookie and CSRF token, following the redirects.
 */
@ComplaintDeskTest
class PublicPagesTest {

  private static final Pattern LOCATION_TOKEN = Pattern.compile("/complaints/(CD-[0-9A-Z]{10})\\?token=([^&]+)");

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired ComplaintRepository complaints;
  PageBrowser pages;

  @BeforeEach
  void newBrowser() {
    pages = new PageBrowser(port);
  }

  @Test
  void complainantFilesAComplaintThroughTheFormAndFollowsItToTheSurvey() throws Exception {
    var form = pages.get("/complaints/new", "en");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("<label for=\"subject\">Subject *</label>", "lang=\"en\"");

    var sent = pages.post("/complaints", PageBrowser.csrf(form), Map.of("declaredType", "FUNCTIONAL", "subject", "The app crashes",
        "description", "It crashes when I upload a photo", "affectedUsers", "MANY",
        "contactEmail", "li.wei@example.org", "consent", "true"));

    assertThat(sent.statusCode()).isEqualTo(302);
    var link = LOCATION_TOKEN.matcher(sent.headers().firstValue("Location").orElseThrow());
    assertThat(link.find()).isTrue();
    String trackingNumber = link.group(1);
    String token = link.group(2);
    var confirmation = pages.get(pathOf(sent), "en");
    assertThat(confirmation.body()).contains("Your complaint <span class=tn>" + trackingNumber + "</span> was received",
        "within 3 days", "?token=" + token, "We received your complaint");
    var complaint = complaints.get(trackingNumber);
    assertThat(complaint.contact().email()).isEqualTo("li.wei@example.org");
    assertThat(complaint.locale()).isEqualTo("en");

    driver.executeDueJobs(complaint);
    driver.handleUntilResultSent(complaint);
    var survey = pages.get("/complaints/" + trackingNumber + "?token=" + token, "en");
    assertThat(survey.body()).contains("How satisfied are you with the result?");

    var answered = pages.post("/complaints/" + trackingNumber + "/survey", PageBrowser.csrf(survey),
        Map.of("token", token, "satisfaction", "5", "comment", "Thanks"));
    assertThat(answered.headers().firstValue("Location").orElseThrow()).endsWith("notice=survey-thanks");
    assertThat(complaints.get(trackingNumber).status()).isEqualTo(ComplaintStatus.CLOSED);

    var again = pages.post("/complaints/" + trackingNumber + "/survey", PageBrowser.csrf(survey),
        Map.of("token", token, "satisfaction", "1"));
    assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("notice=survey-closed");
    assertThat(pages.get("/complaints/" + trackingNumber + "?token=" + token, "en").body())
        .contains("Your answer: 5 of 5.").doesNotContain("How satisfied are you");
  }

  @Test
  void formErrorsAreShownNextToTheFieldsInTheUsersLanguage() throws Exception {
    var form = pages.get("/complaints/new", "zh-CN,zh;q=0.9");
    assertThat(form.body()).contains("lang=\"zh-CN\"", "提交投诉");

    var rejected = pages.post("/complaints", PageBrowser.csrf(form), Map.of("subject", "", "description", "x", "contactEmail", "nope"));

    assertThat(rejected.statusCode()).isEqualTo(200);
    assertThat(rejected.body())
        .contains("请选择投诉类型。", "请填写标题。", "请输入有效的邮箱地址", "请勾选同意联系")
        .contains("id=\"subject-error\"", "aria-invalid=\"true\"", "class=\"error-summary\"");
  }

  @Test
  void formOffersTheCataloguesCategoriesInTheUsersLanguageAndNothingElse() throws Exception {
    var chinese = pages.get("/complaints/new", "zh-CN,zh;q=0.9");
    assertThat(chinese.body()).contains("<option value=\"FUNCTIONAL\">功能无法使用</option>",
        "<option value=\"OTHER\">其他</option>");
    assertThat(pages.get("/complaints/new", "en").body()).contains("<option value=\"FUNCTIONAL\">Something does not work</option>");

    var tampered = pages.post("/complaints", PageBrowser.csrf(chinese), Map.of("declaredType", "NOT_A_CATEGORY",
        "subject", "x", "description", "y", "affectedUsers", "ONE"));
    assertThat(tampered.statusCode()).isEqualTo(200);
    assertThat(tampered.body()).contains("<p class=\"error\" id=\"declaredType-error\">Choose what the complaint is about.</p>");

    var complaint = driver.submitAppCrash();
    assertThat(pages.get("/complaints/" + complaint.trackingNumber() + "?token=" + complaint.accessToken(), "zh-CN").body())
        .as("the status page names the category as the catalogue labels it").contains("功能无法使用");
  }

  @Test
  void theLanguageSwitchIsRememberedAndKeepsTheLink() throws Exception {
    var english = pages.get("/?lang=en", "en");
    assertThat(english.body()).contains("href=\"/?lang=zh-CN\"");

    var chinese = pages.get("/?lang=zh-CN", "en");
    assertThat(chinese.body()).contains("投诉与反馈");
    assertThat(pages.get("/complaints/new", "en").body()).as("the cookie wins over the browser's language").contains("提交投诉");
  }

  @Test
  void complaintTextIsShownAsTextNeverAsMarkup() throws Exception {
    var complaint = driver.submitWebComplaint("FUNCTIONAL", "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>", com.complaintdesk.complaint.AffectedUsers.MANY);
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("plan", "ok"));
    driver.complete(complaint, "ImplementPlan", "handler-tech",
        Map.of("progressNote", "<script>alert(3)</script>", "done", false));

    var page = pages.get("/complaints/" + complaint.trackingNumber() + "?token=" + complaint.accessToken(), "en");

    assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(3)&lt;/script&gt;");
  }

  @Test
  void withdrawalNeedsAConfirmation() throws Exception {
    var complaint = driver.submitAppCrash();
    String statusPath = "/complaints/" + complaint.trackingNumber() + "?token=" + complaint.accessToken();
    assertThat(pages.get(statusPath, "en").body()).contains("Withdraw this complaint");

    var confirm = pages.get("/complaints/" + complaint.trackingNumber() + "/withdraw?token=" + complaint.accessToken(), "en");
    assertThat(confirm.body()).contains("Yes, withdraw it");
    assertThat(complaints.get(complaint.trackingNumber()).status()).as("nothing happens before confirming")
        .isEqualTo(ComplaintStatus.CLASSIFIED);

    var done = pages.post("/complaints/" + complaint.trackingNumber() + "/withdraw", PageBrowser.csrf(confirm),
        Map.of("token", complaint.accessToken()));
    assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("notice=withdrawn");
    assertThat(complaints.get(complaint.trackingNumber()).status()).isEqualTo(ComplaintStatus.WITHDRAWN);
  }

  @Test
  void askingToBeToldOfAnImprovementNeedsTheRightLinkAndAnImprovementUnderWay() throws Exception {
    var complaint = driver.submitWebComplaint("FUNCTIONAL", "Maps do not load offline",
        "The offline maps stay grey since yesterday", AffectedUsers.ONE);
    String statusPath = "/complaints/" + complaint.trackingNumber() + "?token=" + complaint.accessToken();
    var status = pages.get(statusPath, "en");
    assertThat(status.body()).doesNotContain("Tell me by email when it is in place");
    // a page of this session with a form, for its CSRF token (the status page offers none here)
    var withForm = pages.get("/complaints/" + complaint.trackingNumber() + "/withdraw?token=" + complaint.accessToken(),
        "en");

    var wrongLink = pages.post("/complaints/" + complaint.trackingNumber() + "/improvement-notice",
        PageBrowser.csrf(withForm), Map.of("token", "wrong"));
    assertThat(wrongLink.statusCode()).isEqualTo(404);
    var nothingUnderWay = pages.post("/complaints/" + complaint.trackingNumber() + "/improvement-notice",
        PageBrowser.csrf(withForm), Map.of("token", complaint.accessToken()));
    assertThat(nothingUnderWay.headers().firstValue("Location").orElseThrow())
        .endsWith("notice=improvement-notice-not-offered");
    assertThat(pages.get(pathOf(nothingUnderWay), "en").body())
        .contains("There is no improvement under way for this complaint to tell you about");
  }

  @Test
  void aWrongLinkShowsAFriendlyNotFoundPage() throws Exception {
    var complaint = driver.submitAppCrash();
    var wrong = pages.get("/complaints/" + complaint.trackingNumber() + "?token=wrong", "en");
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(wrong.body()).contains("We cannot find this complaint").doesNotContain(complaint.subject());
  }

  @Test
  void formPostsWithoutTheCsrfTokenAreRefused() throws Exception {
    pages.get("/complaints/new", "en");
    var forged = pages.post("/complaints", null, Map.of("declaredType", "OTHER", "subject", "x", "description", "y",
        "affectedUsers", "ONE"));
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  private static String pathOf(HttpResponse<String> redirect) {
    var location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    return location.getRawPath() + "?" + location.getRawQuery();
  }
}
