package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Contact;
import com.complaintdesk.intake.ContactRequest;
import com.complaintdesk.notification.NotificationDispatcher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator turns on to troubleshoot must not turn the log into a store of personal data: a whole
 * lifecycle with our code, the engine and Spring's web and security layers logging at DEBUG leaves no contact
 * details, access token, password or password hash in the log. The levels are raised on the shared context for
 * each test and put back after it.
 */
@ComplaintDeskTest
class LogsHoldNoPersonalDataTest {

  static final String NAME = "Zhu Lianhua";
  static final String EMAIL = "zhu.lianhua@example.org";
  static final String PHONE = "+86 139 2222 7777";
  static final String STAFF_USER = "log-test-agent";
  static final String STAFF_PASSWORD = "Staff-Pw-Never-Logged-1";
  static final String WRONG_PASSWORD = "Wr0ng-Guess-Never-Logged";
  static final Map<String, Level> DEBUG_LEVELS = Map.of(
      "com.complaintdesk", Level.DEBUG,
      "org.camunda", Level.DEBUG,
      "org.camunda.bpm.engine.context", Level.DEBUG,
      "org.springframework.web", Level.DEBUG,
      "org.springframework.security", Level.DEBUG,
      // the test's own HTTP client logs what it sends; the application has no such client
      "org.springframework.web.client", Level.INFO);

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired ComplaintRepository complaints;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  LogCapture log;

  @BeforeEach
  void logAtDebug() {
    log = new LogCapture(DEBUG_LEVELS);
  }

  @AfterEach
  void putLevelsBack() {
    log.close();
    if (identity.createUserQuery().userId(STAFF_USER).count() > 0) {
      identity.deleteUser(STAFF_USER);
    }
  }

  @Test
  void aWholeLifecycleAtDebugLogsNoContactDetailsTokensPasswordsOrHashes() {
    var staff = identity.newUser(STAFF_USER);
    staff.setPassword(STAFF_PASSWORD);
    identity.saveUser(staff);
    identity.createMembership(STAFF_USER, "intake");
    String passwordHash = jdbc.sql("select PWD_ from ACT_ID_USER where ID_ = :id").param("id", STAFF_USER)
        .query(String.class).single();
    var http = new HttpClient(port);

    var submitted = http.post("/api/complaints", null, submission(EMAIL), "Idempotency-Key", "logs-test-1");
    assertThat(submitted.status()).isEqualTo(201);
    String trackingNumber = submitted.json("$.trackingNumber");
    String token = submitted.json("$.accessToken");
    assertThat(http.post("/api/complaints", null, submission("zhu.lianhua(at)example.org")).status())
        .as("a mistyped address is refused, and is personal data all the same").isEqualTo(400);
    var complaint = complaints.get(trackingNumber);
    driver.executeDueJobs(complaint);

    assertThat(http.get("/api/complaints/" + trackingNumber, null, "X-Access-Token", token).status()).isEqualTo(200);
    assertThat(http.get("/complaints/" + trackingNumber + "?token=" + token, null).status()).isEqualTo(200);
    assertThat(http.get("/api/complaints/" + trackingNumber, null, "X-Access-Token", token + "x").status())
        .isEqualTo(404);
    // Staff credentials over HTTP Basic, right and wrong: our staff intake and the engine REST API. (The tasks are
    // completed through the engine's Java API below: the engine REST API finds its engine by name in a static
    // registry, which another test context of the suite may have taken over.)
    String hotline = """
        {"channel": "HOTLINE", "receivedAt": "2026-01-05T09:30:00Z", "rawText": "Caller cannot log in",
         "contact": {"name": "%s", "phone": "%s"}}
        """.formatted(NAME, PHONE);
    assertThat(basic(HttpMethod.POST, "/api/intake", STAFF_PASSWORD, hotline)).isEqualTo(201);
    assertThat(basic(HttpMethod.POST, "/api/intake", WRONG_PASSWORD, hotline)).isEqualTo(401);
    assertThat(basic(HttpMethod.GET, "/engine-rest/task", WRONG_PASSWORD, null)).isEqualTo(401);
    assertThat(http.get("/engine-rest/task?maxResults=10", "lead-tech").status()).isEqualTo(200);

    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("plan", "Fix the upload"));
    driver.complete(complaint, "ImplementPlan", "handler-tech",
        Map.of("progressNote", "A fix is on its way", "done", true));
    driver.complete(complaint, "ConfirmResult", "handler-tech",
        Map.of("measures", "Fixed", "effect", "Uploads work", "goalMet", true));
    assertThat(http.post("/api/complaints/" + trackingNumber + "/survey", null,
        "{\"satisfaction\": 5, \"comment\": \"Thanks\"}", "X-Access-Token", token).status()).isEqualTo(204);
    dispatcher.dispatchPending();
    assertThat(driver.reload(complaint).status().name()).isEqualTo("CLOSED");

    assertThat(List.of(trackingNumber, "ENGINE-13005", "Read \"application/json", "Set SecurityContextHolder"))
        .as("the log is at DEBUG").allMatch(log::contains);
    assertThat(log.linesContainingAny(NAME, EMAIL, "zhu.lianhua", PHONE, PHONE.replace(" ", ""), token,
        STAFF_PASSWORD, WRONG_PASSWORD, passwordHash, base64(STAFF_USER + ":" + STAFF_PASSWORD),
        base64(STAFF_USER + ":" + WRONG_PASSWORD), base64("lead-tech:demo")))
        .as("log lines with contact details, a token, a password or its hash").isEmpty();
  }

  @Test
  void aFailedDeliveryIsLoggedWithoutTheMailServersAnswerThatQuotesTheAddress() {
    var complaint = driver.submitAppCrash();
    var failing = dispatcher.withSender(delivery -> {
      throw new IllegalStateException("550 5.1.1 <" + delivery.addresses().get(0) + ">: Recipient address rejected");
    });

    failing.dispatchPending();

    assertThat(log.contains("Delivery of notification")).isTrue();
    assertThat(log.linesContainingAny(complaint.contact().email())).isEmpty();
    assertThat(jdbc.sql("select last_error from notification where complaint_id = :id and recipient_kind = :kind")
        .param("id", complaint.id()).param("kind", "COMPLAINANT").query(String.class).list())
        .as("staff read the whole answer in the outbox")
        .allSatisfy(error -> assertThat(error).contains(complaint.contact().email()));
  }

  @Test
  void valuesThatCarryContactDetailsOrTokensKeepThemOutOfTheirText() {
    var complaint = driver.submitAppCrash();
    var contact = ProcessDriver.CONTACT;

    assertThat(List.of(contact.toString(), complaint.toString(),
        new ContactRequest(contact.name(), contact.email(), contact.phone()).toString()))
        .allSatisfy(text -> assertThat(text).doesNotContain(contact.name(), contact.email(), contact.phone(),
            complaint.accessToken()));
    assertThat(contact.toString()).isEqualTo("Contact[name=(withheld), email=(withheld), phone=(withheld)]");
    assertThat(Contact.NONE.toString()).isEqualTo("Contact[name=null, email=null, phone=null]");
  }

  private static String submission(String email) {
    return """
        {"channel": "WEB_FORM", "declaredType": "FUNCTIONAL", "subject": "Crash",
         "description": "It crashes", "affectedUsers": "MANY",
         "contact": {"name": "%s", "email": "%s", "phone": "%s"}, "locale": "en"}
        """.formatted(NAME, email, PHONE);
  }

  private int basic(HttpMethod method, String path, String password, String body) {
    return new HttpClient(port).send(method, path, null, body, "Authorization",
        "Basic " + base64(STAFF_USER + ":" + password)).status();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
