package com.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.feedback.ComplainantActions;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.retention.AnonymiseClosedComplaints;
import com.complaintdesk.security.WebappBrowser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The auditor's page of one complaint: a complaint driven through the whole process, a missed deadline and a
 * reopening included, read back as an auditor does, step by step and in order. The engine clock moves on before
 * each step, as time passes between people's work in real life.
 */
@ComplaintDeskTest
class AuditPageTest {

  /**
   * A row of "What happened": its kind (event, decision, task, waiting, message) and further classes (breach),
   * when, what, who, and the whole row.
   */
  record Row(String kind, List<String> classes, Instant at, String what, String who, String html) {
  }

  private static final Pattern ROW = Pattern.compile("<tr class=\"step ([^\"]+)\">\\s*<td class=\"when\"><time "
      + "datetime=\"([^\"]+)\">.*?<td class=\"what\">(.*?)</td>\\s*<td>(.*?)</td>.*?</tr>", Pattern.DOTALL);

  /** When the first round's plan was due: it was missed. */
  Instant firstResponseDueAt;

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired ComplaintIntake intake;
  @Autowired ComplainantActions complainant;
  @Autowired ComplaintRepository complaints;
  @Autowired AnonymiseClosedComplaints retention;
  @Autowired ProcessEngine engine;

  @Test
  void theAuditPageOfAComplaintDrivenThroughReopenShowsEveryStepInOrder() {
    var complaint = closedAfterOneReopening();

    var page = pageAs("auditor", "/staff/complaints/" + complaint.trackingNumber() + "/audit");

    assertThat(page.statusCode()).isEqualTo(200);
    var rows = rows(page.body());
    assertThat(rows).hasSize(page.body().split("<tr class=\"step ", -1).length - 1);
    assertThat(rows).extracting(Row::at).isSorted();
    assertThat(rows).filteredOn(row -> row.kind().equals("event")).extracting(Row::what).containsExactly(
        "Received (status RECEIVED)", "Logged (status LOGGED)", "Classified (status CLASSIFIED)",
        "Response reminder sent", "Response deadline breached",
        "Handler assigned (status ASSIGNED)", "Plan proposed (status PLANNED)", "Progress note (status IN_PROGRESS)",
        "Resolved (status RESOLVED)", "Result sent (status AWAITING_FEEDBACK)", "Feedback received",
        "Reopened (status CLASSIFIED)",
        "Handler assigned (status ASSIGNED)", "Plan proposed (status PLANNED)", "Work continued (status IN_PROGRESS)",
        "Resolved (status RESOLVED)", "Result sent (status AWAITING_FEEDBACK)", "Feedback received",
        "Closed (status CLOSED)");
    assertThat(rows).extracting(row -> row.what() + " by " + row.who()).containsSubsequence(
        "Received (status RECEIVED) by system", "Acknowledgement queued by system",
        "Complaint category decided by rules", "Complaint priority decided by rules",
        "Complaint routing decided by rules", "Response time decided by rules",
        "Classified (status CLASSIFIED) by system",
        "New group task queued by system", "Response deadline breached by system",
        "Response deadline breached queued by system",
        "Assign handler completed by lead-tech", "Handler assigned (status ASSIGNED) by lead-tech",
        "Propose handling plan completed by handler-tech", "Plan proposed (status PLANNED) by handler-tech",
        "Implement plan completed by handler-tech", "Progress note queued by system",
        "Confirm result completed by handler-tech", "Result with survey queued by system",
        "Feedback received by system", "Reopened (status CLASSIFIED) by system", "Reopened queued by system",
        "Assign handler completed by lead-tech", "Confirm result completed by handler-tech",
        "Closed (status CLOSED) by system", "Closed queued by system");
    assertThat(rows).filteredOn(row -> row.classes().contains("breach")).extracting(Row::what)
        .containsExactly("Response deadline breached");
  }

  @Test
  void theDecisionsShowWhatTheRulesWereGivenAndWhatTheyDecided() {
    var complaint = closedAfterOneReopening();

    var rows = rows(pageAs("auditor", "/staff/complaints/" + complaint.trackingNumber() + "/audit").body());

    assertThat(decision(rows, "Complaint category decided"))
        .contains("called by Determine category")
        .contains(value("In: Complaint text (subject and description, lower case)",
            "the app crashes the app crashes when i upload a photo"))
        .contains(value("In: Type chosen by the user", "FUNCTIONAL"))
        .contains(value("In: Channel the complaint came in by", "WEB_FORM"))
        .contains("In: Suggested category", "In: Confidence of the suggestion")
        .contains(value("Out: Category", "FUNCTIONAL"))
        // the type the user chose, or (once earlier app crashes of the shared engine were settled) the suggestion
        .containsAnyOf(value("Rule", "CategoryFromDeclaredType"), value("Rule", "CategoryFromTrustedSuggestion"));
    assertThat(decision(rows, "Complaint priority decided"))
        .contains(value("In: How many users are affected (ONE, SOME, MANY)", "MANY"), value("Out: Priority", "HIGH"));
    assertThat(decision(rows, "Complaint routing decided"))
        .contains(value("Out: Department that handles the complaint", "TECH_SUPPORT"));
    assertThat(decision(rows, "Response time decided"))
        .contains(value("In: Priority", "HIGH"))
        .contains(value("Out: Deadline for the initial handling plan (ISO-8601 duration)", "P1D"));
  }

  @Test
  void thePageShowsTheMissedDeadlineTheMessagesAndTheWayToCockpitButNoContactDetails() {
    var complaint = closedAfterOneReopening();

    String page = pageAs("manager", "/staff/complaints/" + complaint.trackingNumber() + "/audit").body();

    assertThat(section(page, "deadlines")).containsPattern("<td>RESPONSE</td>\\s*<td>"
        + time(firstResponseDueAt));
    assertThat(section(page, "messages")).contains("Acknowledgement", "Result with survey", "the complainant",
        "group complaint-managers");
    assertThat(page).contains("href=\"/camunda/app/cockpit/default/#/complaint-history/"
        + complaint.processInstanceId() + "\"").contains("Open its history in Cockpit");
    assertThat(page).doesNotContain(ProcessDriver.CONTACT.name(), ProcessDriver.CONTACT.email(),
        ProcessDriver.CONTACT.phone(), complaint.accessToken());
  }

  @Test
  void onlyThoseWhoReadEveryComplaintSeeItsAuditPage() {
    var complaint = driver.submitAppCrash();
    String path = "/staff/complaints/" + complaint.trackingNumber() + "/audit";

    assertThat(pageAs("agent", path).statusCode()).as("intake agent").isEqualTo(403);
    assertThat(pageAs("handler-tech", path).statusCode()).as("the complaint's own department").isEqualTo(403);
    assertThat(pageAs("auditor", path).statusCode()).isEqualTo(200);
    var anonymous = new WebappBrowser(port, "default").get(path);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/staff/login"));
  }

  @Test
  void theSearchFormLeadsToTheAuditPageOfATrackingNumber() {
    var complaint = driver.submitAppCrash();
    var auditor = new WebappBrowser(port, "default");
    auditor.logInToStaffPages("auditor", "demo");

    assertThat(auditor.get("/staff/complaints/audit").body()).contains("<label for=\"trackingNumber\">");
    var found = auditor.get("/staff/complaints/audit?trackingNumber=%20"
        + complaint.trackingNumber().toLowerCase(Locale.ROOT) + "%20");
    assertThat(found.statusCode()).isEqualTo(302);
    assertThat(found.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
        .endsWith("/staff/complaints/" + complaint.trackingNumber() + "/audit"));

    var unknown = auditor.get("/staff/complaints/audit?trackingNumber=CD-0000000000");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("There is no complaint CD-0000000000.");
    var malformed = auditor.get("/staff/complaints/audit?trackingNumber=12345");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("12345 is not a tracking number");
    assertThat(auditor.get("/staff/complaints/audit?trackingNumber=").statusCode()).isEqualTo(400);
    assertThat(auditor.get("/staff/complaints/CD-0000000000/audit").statusCode()).isEqualTo(404);
  }

  @Test
  void textsErasedByRetentionShowAsErased() {
    var complaint = closedAfterOneReopening();
    later(Duration.ofDays(731));
    retention.anonymiseDue();

    String page = pageAs("auditor", "/staff/complaints/" + complaint.trackingNumber() + "/audit").body();

    assertThat(section(page, "texts")).contains("were erased", "<dt>Subject</dt>", "<dd class=\"erased\">erased</dd>");
    assertThat(page).doesNotContain("app crashes", "upload a photo", "Fix the upload", "Still broken");
    var rows = rows(page);
    assertThat(decision(rows, "Complaint category decided"))
        .contains(value("In: Complaint text (subject and description, lower case)", "(erased)"))
        .contains(value("Out: Category", "FUNCTIONAL"));
    assertThat(rows).extracting(Row::what).contains("Complaint texts erased", "Closed (status CLOSED)");
  }

  /**
   * A tech-support complaint of many users (priority HIGH, one day to respond): nobody responds in time, so the
   * reminder goes out and the deadline is breached; then it is handled, the user is dissatisfied and it reopens;
   * handled again, the user is satisfied and it closes.
   */
  private Complaint closedAfterOneReopening() {
    ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    var complaint = intake.receive(new ComplaintIntake.Submission(Channel.WEB_FORM, null, "en", "The app crashes",
        "The app crashes when I upload a photo", null, "FUNCTIONAL", "MANY", ProcessDriver.CONTACT));
    later(Duration.ofMinutes(1));
    runJobsOneSecondApart(complaint);
    firstResponseDueAt = driver.reload(complaint).responseDueAt();
    driver.advanceClock(complaint, Duration.ofHours(17));
    driver.advanceClock(complaint, Duration.ofHours(8));
    handle(complaint, "Found the cause");
    answerSurvey(complaint, 2, "Still broken");
    handle(complaint, "");
    answerSurvey(complaint, 5, "Works now");
    return driver.reload(complaint);
  }

  private void handle(Complaint complaint, String progressNote) {
    later(Duration.ofMinutes(10));
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    later(Duration.ofMinutes(10));
    driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("plan", "Fix the upload"));
    later(Duration.ofMinutes(10));
    driver.complete(complaint, "ImplementPlan", "handler-tech", Map.of("progressNote", progressNote, "done", true));
    later(Duration.ofMinutes(10));
    driver.complete(complaint, "ConfirmResult", "handler-tech",
        Map.of("measures", "Fixed the upload", "effect", "Photos upload again", "goalMet", true));
  }

  private void answerSurvey(Complaint complaint, int satisfaction, String comment) {
    later(Duration.ofHours(1));
    complainant.answerSurvey(complaints.get(complaint.trackingNumber()), satisfaction, comment);
    driver.executeDueJobs(complaint);
  }

  /**
   * The rules run as jobs, one after the other; the job executor takes some time for each, and a page that
   * orders by time must see that time pass (a held clock would give them all one instant).
   */
  private void runJobsOneSecondApart(Complaint complaint) {
    var management = engine.getManagementService();
    for (int round = 0; round < 20; round++) {
      var due = management.createJobQuery().processInstanceId(complaint.processInstanceId()).executable().active()
          .list();
      if (due.isEmpty()) {
        return;
      }
      later(Duration.ofSeconds(1));
      management.executeJob(due.get(0).getId());
    }
    throw new AssertionError("Jobs keep coming after 20 rounds");
  }

  private static void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private HttpResponse<String> pageAs(String user, String path) {
    var browser = new WebappBrowser(port, "default");
    browser.logInToStaffPages(user, "demo");
    return browser.get(path);
  }

  /** The details of the named decision's row. */
  private static String decision(List<Row> rows, String what) {
    return rows.stream().filter(row -> row.kind().equals("decision") && row.what().equals(what)).findFirst()
        .map(Row::html).orElseThrow(() -> new AssertionError("no row " + what));
  }

  private static String value(String label, String value) {
    return "<dt>" + label + "</dt><dd class=\"value\">" + value + "</dd>";
  }

  /** The section whose heading has this id, up to the next section. */
  private static String section(String page, String headingId) {
    int start = page.indexOf("id=\"" + headingId + "\"");
    assertThat(start).as("section %s", headingId).isPositive();
    int end = page.indexOf("<section", start);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  private static String time(Instant instant) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(instant);
  }

  private static List<Row> rows(String page) {
    var rows = new ArrayList<Row>();
    var matcher = ROW.matcher(page);
    while (matcher.find()) {
      List<String> classes = List.of(matcher.group(1).split(" "));
      rows.add(new Row(classes.get(0), classes, Instant.parse(matcher.group(2)), matcher.group(3), matcher.group(4),
          matcher.group()));
    }
    return rows;
  }
}
