package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.ComplaintRepository;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A complaint from the web form to CLOSED over real HTTP: the public API as the complainant, the engine REST
 * API as the demo users (as Tasklist calls it), and what each role may not see or do on the way.
 */
@ComplaintDeskTest
class ComplaintLifecycleOverHttpTest {

  static final String APP_CRASH = """
      {"channel": "WEB_FORM", "declaredType": "FUNCTIONAL", "subject": "The app crashes",
       "description": "It crashes when I upload a photo", "affectedUsers": "MANY",
       "contact": {"name": "Li Wei", "email": "li.wei@example.org", "phone": "+86 138 0000 1234"}, "locale": "en"}
      """;

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired ComplaintRepository complaints;
  HttpClient http;

  @BeforeEach
  void client() {
    http = new HttpClient(port);
  }

  /** The engine REST API of this context's engine ("default" here). */
  protected String engineRest() {
    return "/engine-rest";
  }

  @Test
  void complaintFromTheWebFormIsHandledToClosedByTheDemoUsers() {
    var submitted = http.post("/api/complaints", null, APP_CRASH);
    assertThat(submitted.status()).isEqualTo(201);
    String trackingNumber = submitted.json("$.trackingNumber");
    String token = submitted.json("$.accessToken");
    assertThat(submitted.<String>json("$.statusUrl")).endsWith("/complaints/" + trackingNumber + "?token=" + token);
    assertThat(submitted.headers().getLocation()).hasToString("/api/complaints/" + trackingNumber);
    var complaint = complaints.get(trackingNumber);
    driver.executeDueJobs(complaint);

    assertThat(status(trackingNumber, token)).isEqualTo("CLASSIFIED");
    assertThat(http.get("/api/complaints/" + trackingNumber, null, "X-Access-Token", token)
        .<String>json("$.deadlines.responseDueAt")).isNotNull();

    // Another department's lead sees nothing of it, and cannot act on it.
    String assignTask = taskId("lead-tech", trackingNumber, "AssignHandler");
    assertThat(http.get(engineRest() + "/task?maxResults=10&processInstanceBusinessKey=" + trackingNumber, "lead-design")
        .body()).isEqualTo("[]");
    assertThat(http.get(engineRest() + "/process-instance?maxResults=10&businessKey=" + trackingNumber, "lead-design")
        .body()).isEqualTo("[]");
    assertThat(complete("lead-design", assignTask, "{\"handler\": {\"value\": \"handler-design\"}}")).isIn(403, 404);
    // The auditor reads it, but cannot act on it.
    assertThat(http.get(engineRest() + "/task?maxResults=10&processInstanceBusinessKey=" + trackingNumber, "auditor")
        .<List<?>>json("$")).hasSize(1);
    assertThat(complete("auditor", assignTask, "{\"handler\": {\"value\": \"handler-tech\"}}")).isEqualTo(403);

    // The lead works on the task (comments included), but cannot hand it to others or widen who sees it.
    assertThat(http.post(engineRest() + "/task/" + assignTask + "/comment/create", "lead-tech",
        "{\"message\": \"Looking into it\"}").status()).isEqualTo(200);
    assertThat(http.post(engineRest() + "/task/" + assignTask + "/identity-links", "lead-tech",
        "{\"groupId\": \"auditors\", \"type\": \"candidate\"}").status()).isEqualTo(403);

    assertThat(complete("lead-tech", assignTask, "{\"handler\": {\"value\": \"handler-tech\"}}")).isEqualTo(204);
    assertThat(complete("handler-tech", taskId("handler-tech", trackingNumber, "ProposePlan"),
        "{\"plan\": {\"value\": \"Fix the upload\"}}")).isEqualTo(204);
    assertThat(complete("handler-tech", taskId("handler-tech", trackingNumber, "ImplementPlan"),
        "{\"progressNote\": {\"value\": \"A fix is on its way\"}, \"done\": {\"value\": true}}")).isEqualTo(204);
    assertThat(complete("handler-tech", taskId("handler-tech", trackingNumber, "ConfirmResult"),
        "{\"measures\": {\"value\": \"Fixed\"}, \"effect\": {\"value\": \"Uploads work\"}, \"goalMet\": {\"value\": true}}"))
        .isEqualTo(204);
    driver.executeDueJobs(complaint);

    var awaiting = http.get("/api/complaints/" + trackingNumber, null, "X-Access-Token", token);
    assertThat(awaiting.<String>json("$.status")).isEqualTo("AWAITING_FEEDBACK");
    assertThat(awaiting.<List<String>>json("$.timeline[*].detail")).contains("A fix is on its way");
    assertThat(awaiting.<List<String>>json("$.timeline[*].type"))
        .containsSubsequence("RECEIVED", "LOGGED", "CLASSIFIED", "HANDLER_ASSIGNED", "PLAN_PROPOSED", "PROGRESS_NOTE",
            "RESOLVED", "RESULT_SENT");

    var answered = http.post("/api/complaints/" + trackingNumber + "/survey", null,
        "{\"satisfaction\": 5, \"comment\": \"Thanks\"}", "X-Access-Token", token);
    assertThat(answered.status()).isEqualTo(204);
    assertThat(status(trackingNumber, token)).isEqualTo("CLOSED");
    assertThat(http.get(engineRest() + "/history/process-instance?maxResults=10&processInstanceBusinessKey="
        + trackingNumber, "auditor").<List<String>>json("$[*].state")).containsExactly("COMPLETED");
  }

  @Test
  void engineRestApiNeverAnswersWithoutAuthentication() {
    assertThat(http.get(engineRest() + "/task", null).status()).isEqualTo(401);
    assertThat(http.get(engineRest() + "/process-definition", null).status()).isEqualTo(401);
    // Wrong passwords: EngineRestHardeningTest, with a user of its own (they lock the account for a while).
    assertThat(http.get(engineRest() + "/task?maxResults=10", "agent").status()).isEqualTo(200);
  }

  @Test
  void staffIntakeIsForTheIntakeGroupOnly() {
    String hotline = """
        {"channel": "HOTLINE", "receivedAt": "2026-01-05T09:30:00Z", "rawText": "Caller cannot log in",
         "contact": {"phone": "+86 138 0000 1234"}}
        """;
    var anonymous = http.post("/api/intake", null, hotline);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.headers().getContentType()).hasToString("application/problem+json");
    assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
    var notIntake = http.post("/api/intake", "triager", hotline);
    assertThat(notIntake.status()).isEqualTo(403);
    assertThat(notIntake.<String>json("$.detail")).contains("intake group");

    var captured = http.post("/api/intake", "agent", hotline);
    assertThat(captured.status()).isEqualTo(201);
    String trackingNumber = captured.json("$.trackingNumber");
    driver.executeDueJobs(complaints.get(trackingNumber));
    assertThat(taskId("agent", trackingNumber, "LogComplaint")).isNotNull();
    assertThat(http.get(engineRest() + "/task?maxResults=10&processInstanceBusinessKey=" + trackingNumber, "triager")
        .body()).isEqualTo("[]");
  }

  private String status(String trackingNumber, String token) {
    return http.get("/api/complaints/" + trackingNumber, null, "X-Access-Token", token).json("$.status");
  }

  private String taskId(String user, String trackingNumber, String taskKey) {
    var tasks = http.get(engineRest() + "/task?maxResults=10&processInstanceBusinessKey=" + trackingNumber
        + "&taskDefinitionKey=" + taskKey, user);
    assertThat(tasks.status()).isEqualTo(200);
    List<String> ids = tasks.json("$[*].id");
    assertThat(ids).as("%s sees task %s", user, taskKey).hasSize(1);
    return ids.get(0);
  }

  private int complete(String user, String taskId, String variables) {
    return http.post(engineRest() + "/task/" + taskId + "/complete", user, "{\"variables\": " + variables + "}").status();
  }
}
