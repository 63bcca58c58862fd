package com.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.HttpClient;
import com.complaintdesk.ProcessDriver;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The engine REST API answers errors without stack traces, class names or SQL, and a form input our task
 * listeners refuse as the 400 it is.
 */
@ComplaintDeskTest
@ExtendWith(OutputCaptureExtension.class)
class EngineRestHardeningTest {

  static final Pattern QUALIFIED_CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");
  static final MediaType JSON = MediaType.APPLICATION_JSON;
  static final Pattern REFERENCE = Pattern.compile("reference ([0-9a-f-]{36})");

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired ProcessDriver driver;
  @Autowired DataSource dataSource;
  HttpClient http;
  Task task;

  @BeforeEach
  void setUp() {
    http = new HttpClient(port);
    // A task of its own for each test, outside any process: the admin reads and changes it over REST.
    task = tasks.newTask();
    task.setName("Engine REST hardening probe");
    tasks.saveTask(task);
  }

  @AfterEach
  void removeTask() {
    tasks.deleteTask(task.getId(), true);
  }

  @Test
  void aDatabaseFailureIsA500WithAReferenceAndTheLogHasTheDetails(CapturedOutput log) throws Exception {
    HttpClient.Response response;
    try (Connection otherTransaction = dataSource.getConnection()) {
      otherTransaction.setAutoCommit(false);
      try (var lock = otherTransaction.prepareStatement("select ID_ from ACT_RU_TASK where ID_ = ? for update")) {
        lock.setString(1, task.getId());
        lock.executeQuery().close();
      }
      response = http.send(HttpMethod.PUT, "/engine-rest/task/" + task.getId(), "admin",
          "{\"name\": \"Renamed\", \"priority\": 10}");
      otherTransaction.rollback();
    }

    assertThat(response.status()).as(response.body()).isEqualTo(500);
    assertNothingInternal(response.body());
    var reference = REFERENCE.matcher(response.body());
    assertThat(reference.find()).as(response.body()).isTrue();
    assertThat(log.getOut()).contains("Engine REST answered 500 with reference " + reference.group(1))
        .contains("PersistenceException", "update ACT_RU_TASK");
  }

  @Test
  void otherFailuresNameNothingInternal() {
    var failing = List.of(
        // a 500 inside the engine: sorting by a variable without its type
        http.post("/engine-rest/task?maxResults=5", "admin", "{\"sorting\": [{\"sortBy\": \"processVariable\","
            + " \"sortOrder\": \"asc\", \"parameters\": {\"variable\": \"x\", \"type\": \"Nope\"}}]}"),
        http.post("/engine-rest/task?maxResults=5", "admin", "{\"assignee\": "),
        http.post("/engine-rest/task?maxResults=5", "admin", "{\"active\": \"yes please\"}"),
        http.get("/engine-rest/task?maxResults=5&dueBefore=notadate", "admin"),
        http.get("/engine-rest/task?maxResults=5&sortBy=nope&sortOrder=asc", "admin"),
        http.get("/engine-rest/task/' OR 1=1--", "admin"),
        http.get("/engine-rest/process-instance/" + "x".repeat(300), "admin"),
        http.get("/engine-rest/no-such-resource", "admin"));

    for (var response : failing) {
      assertThat(response.status()).as(response.body()).isBetween(400, 599);
      assertThat(response.headers().getContentType()).isNotNull().matches(type -> type.isCompatibleWith(JSON));
      assertNothingInternal(response.body());
      assertThat(response.<String>json("$.type")).matches("[A-Z]\\w+");
      assertThat(response.<String>json("$.message")).isNotBlank();
    }
    assertThat(failing.get(0).status()).isEqualTo(500);
    assertThat(failing.get(2).<String>json("$.message")).contains("'active'");
    assertThat(failing.get(4).<String>json("$.message")).as("a plain 4xx message stays").contains("sortBy");
  }

  @Test
  void aFormInputOurListenersRefuseIsA400WithTheirMessage() {
    var complaint = driver.submitAppCrash();
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    String proposePlan = driver.task(complaint, "ProposePlan").getId();

    var refused = http.post("/engine-rest/task/" + proposePlan + "/submit-form", "handler-tech",
        "{\"variables\": {\"plan\": {\"value\": \"  \"}}}");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.<String>json("$.message")).isEqualTo("plan is missing: Describe the plan.");
  }

  private static void assertNothingInternal(String body) {
    assertThat(body).as("nothing internal")
        .doesNotContain("###", "\tat ", "ACT_", "Exception:")
        .doesNotContainIgnoringCase("select ")
        .doesNotContainIgnoringCase("sql");
    assertThat(QUALIFIED_CLASS_NAME.matcher(body).find()).as("a qualified class name in %s", body).isFalse();
  }
}
