package com.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.HttpClient;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.feedback.ComplainantActions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Every role against every surface: the webapps (Tasklist, Cockpit, Admin), the engine REST API (which is
 * also what the webapps call), our staff API and staff pages. The README's authorization table says the same; change
 * both together. One complaint waits in every queue; each role must see exactly its own queue (or all of
 * them, read-only, for the readers), and nobody but camunda-admin may change what the process decided.
 */
@ComplaintDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

  /** What a role may do. {@code works}: the queues it may claim and complete; {@code sees}: the ones it reads. */
  record Role(String user, boolean tasklist, boolean cockpit, boolean admin, Set<String> works, boolean readsAll,
      boolean staffIntake, boolean retriesMail) {

    boolean administers() {
      return admin;
    }

    Set<String> sees() {
      return readsAll ? QUEUES : works;
    }

    @Override
    public String toString() {
      return user;
    }
  }

  static final Set<String> QUEUES = Set.of("logging", "review", "assignTech", "assignDesign", "plan", "followUp",
      "finalReview");

  static Stream<Role> roles() {
    return Stream.of(
        new Role("admin", true, true, true, QUEUES, true, false, true),
        new Role("agent", true, false, false, Set.of("logging"), false, true, false),
        new Role("supervisor", true, false, false, Set.of(), false, false, false),
        new Role("triager", true, false, false, Set.of("review"), false, false, false),
        new Role("lead-tech", true, false, false, Set.of("assignTech"), false, false, false),
        new Role("lead-design", true, false, false, Set.of("assignDesign"), false, false, false),
        new Role("handler-tech", true, false, false, Set.of("plan"), false, false, false),
        new Role("handler-design", true, false, false, Set.of(), false, false, false),
        new Role("handler-cs", true, false, false, Set.of("followUp"), false, false, false),
        new Role("manager", true, true, false, Set.of("finalReview"), true, false, true),
        new Role("auditor", false, true, false, Set.of(), true, false, false));
  }

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired ComplainantActions complainant;
  @Autowired ComplaintRepository complaints;
  @Autowired JdbcClient jdbc;
  HttpClient http;

  /** One waiting complaint per queue, by queue name. */
  final Map<String, Complaint> waiting = new LinkedHashMap<>();
  /** The open task of each queue's complaint. */
  final Map<String, String> taskIds = new LinkedHashMap<>();

  @BeforeAll
  void oneComplaintInEveryQueue() {
    http = new HttpClient(port);
    waiting.put("logging", driver.captureByStaff(Channel.HOTLINE, Instant.now(), "Caller cannot log in"));
    waiting.put("review", driver.submitWebComplaint("OTHER", "Something is off", "Hard to say", AffectedUsers.ONE));
    waiting.put("assignTech", driver.submitAppCrash());
    waiting.put("assignDesign", driver.submitWebComplaint("EXPERIENCE", "Confusing menu", "Cannot find settings",
        AffectedUsers.SOME));
    var plan = driver.submitAppCrash();
    driver.complete(plan, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    waiting.put("plan", plan);
    var followUp = driver.submitAppCrash();
    driver.handleUntilResultSent(followUp);
    driver.advanceClock(followUp, Duration.ofDays(8));
    ClockUtil.reset();
    waiting.put("followUp", followUp);
    var finalReview = driver.submitAppCrash();
    for (int reopening = 0; reopening < 3; reopening++) {
      driver.handleUntilResultSent(finalReview);
      complainant.answerSurvey(complaints.get(finalReview.trackingNumber()), 1, "Still broken");
      driver.executeDueJobs(finalReview);
    }
    waiting.put("finalReview", finalReview);

    Map<String, String> taskKeys = Map.of("logging", "LogComplaint", "review", "ReviewClassification",
        "assignTech", "AssignHandler", "assignDesign", "AssignHandler", "plan", "ProposePlan",
        "followUp", "FollowUpCall", "finalReview", "FinalReview");
    waiting.forEach((queue, complaint) -> taskIds.put(queue, driver.task(complaint, taskKeys.get(queue)).getId()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void entersExactlyItsWebapps(Role role) {
    assertThat(logIn("tasklist", role)).as("Tasklist").isEqualTo(role.tasklist() ? 200 : 403);
    assertThat(logIn("cockpit", role)).as("Cockpit").isEqualTo(role.cockpit() ? 200 : 403);
    assertThat(logIn("admin", role)).as("Admin").isEqualTo(role.admin() ? 200 : 403);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void seesExactlyItsQueues(Role role) {
    var tasks = http.get("/engine-rest/task?maxResults=100&processInstanceBusinessKeyIn=" + businessKeys(QUEUES),
        role.user());
    assertThat(tasks.status()).isEqualTo(200);
    List<String> visible = tasks.json("$[*].id");
    assertThat(queuesOf(visible)).isEqualTo(role.sees());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void worksOnlyOnItsOwnQueues(Role role) {
    for (String queue : QUEUES) {
      String taskId = taskIds.get(queue);
      boolean mayWork = http.get("/engine-rest/authorization/check?permissionName=TASK_WORK&resourceName=Task"
          + "&resourceType=7&resourceId=" + taskId, role.user()).<Boolean>json("$.authorized");
      assertThat(mayWork).as("may work on %s", queue).isEqualTo(role.works().contains(queue));
      if (!role.works().contains(queue)) {
        // A task the role reads is refused (403); one it cannot even read is not found for it.
        Set<Integer> refused = role.sees().contains(queue) ? Set.of(403) : Set.of(403, 404);
        assertThat(http.post("/engine-rest/task/" + taskId + "/claim", role.user(), "{\"userId\": \"" + role.user() + "\"}")
            .status()).as("claims %s", queue).isIn(refused);
        assertThat(http.post("/engine-rest/task/" + taskId + "/complete", role.user(), "{}").status())
            .as("completes %s", queue).isIn(refused);
        // Camunda's REST API answers every refused comment with 400 "Not enough parameters submitted".
        assertThat(http.post("/engine-rest/task/" + taskId + "/comment/create", role.user(), "{\"message\": \"x\"}")
            .status()).as("comments on %s", queue).isBetween(400, 404);
        assertThat(engine.getTaskService().getTaskComments(taskId)).as("comments on %s", queue)
            .noneMatch(comment -> role.user().equals(comment.getUserId()));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void readsEveryComplaintOnlyAsAReader(Role role) {
    int expected = role.readsAll() ? QUEUES.size() : 0;
    String instanceIds = waiting.values().stream().map(Complaint::processInstanceId).collect(Collectors.joining(","));
    assertThat(count("/engine-rest/process-instance/count?processInstanceIds=" + instanceIds, role)).as("running instances")
        .isEqualTo(expected);
    assertThat(count("/engine-rest/history/process-instance/count?processInstanceIds=" + instanceIds, role))
        .as("history").isEqualTo(expected);
    // category, priority, routing and response time were decided for it
    long decisions = count("/engine-rest/history/decision-instance/count?processInstanceId="
        + waiting.get("assignTech").processInstanceId(), role);
    assertThat(decisions).as("decisions taken").isEqualTo(role.readsAll() ? 4 : 0);
    int variables = http.get("/engine-rest/process-instance/" + waiting.get("plan").processInstanceId() + "/variables",
        role.user()).status();
    assertThat(variables).as("variables").isEqualTo(role.readsAll() ? 200 : 403);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void changesTheProcessOnlyAsAdministrator(Role role) {
    String instance = waiting.get("plan").processInstanceId();
    String job = engine.getManagementService().createJobQuery().processInstanceId(instance).timers().list().get(0).getId();
    int allowedOr403 = role.administers() ? 204 : 403;

    assertThat(http.send(HttpMethod.PUT, "/engine-rest/process-instance/" + instance + "/variables/auditProbe", role.user(),
        "{\"value\": \"x\", \"type\": \"String\"}").status()).as("set a variable").isIn(allowedOr403, 404);
    assertThat(http.send(HttpMethod.PUT, "/engine-rest/job/" + job + "/retries", role.user(), "{\"retries\": 3}").status())
        .as("retry a job").isEqualTo(allowedOr403);
    assertThat(http.send(HttpMethod.PUT, "/engine-rest/process-instance/" + instance + "/suspended", role.user(),
        "{\"suspended\": false}").status()).as("suspend or activate").isEqualTo(allowedOr403);
    if (!role.administers()) {
      assertThat(http.post("/engine-rest/process-instance/" + instance + "/modification", role.user(),
          "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"ProposePlan\"}]}").status())
          .as("modify").isIn(403);
      assertThat(http.send(HttpMethod.DELETE, "/engine-rest/process-instance/" + instance, role.user(), null).status())
          .as("delete").isIn(403, 404);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void administersUsersAndModelsOnlyAsAdministrator(Role role) {
    int allowedOr403 = role.administers() ? 200 : 403;
    assertThat(http.get("/engine-rest/authorization/count", role.user()).<Integer>json("$.count") > 0)
        .as("reads authorizations").isEqualTo(role.administers());
    assertThat(http.post("/engine-rest/user/create", role.user(),
        "{\"profile\": {\"id\": \"probe-" + role.user() + "\"}, \"credentials\": {\"password\": \"Probe-123456\"}}").status())
        .as("creates a user").isEqualTo(role.administers() ? 204 : 403);
    if (role.administers()) {
      engine.getIdentityService().deleteUser("probe-" + role.user());
    }
    assertThat(http.post("/engine-rest/authorization/create", role.user(),
        "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"" + role.user() + "\", \"resourceType\": 0,"
            + " \"resourceId\": \"admin\"}").status())
        .as("grants itself rights").isIn(role.administers() ? Set.of(200, 400) : Set.of(403));
    assertThat(http.post("/engine-rest/filter/create", role.user(),
        "{\"resourceType\": \"Task\", \"name\": \"probe\", \"query\": {}}").status())
        .as("creates a Tasklist filter").isEqualTo(allowedOr403);
    assertThat(http.get("/engine-rest/deployment/count", role.user()).status()).isEqualTo(200);
    assertThat(deploy(role)).as("deploys").isEqualTo(allowedOr403);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void handsInComplaintsOverTheStaffApiOnlyAsIntake(Role role) {
    String hotline = """
        {"channel": "HOTLINE", "receivedAt": "2026-01-05T09:30:00Z", "rawText": "Caller cannot log in",
         "contact": {"phone": "+86 138 0000 1234"}}
        """;
    assertThat(http.post("/api/intake", role.user(), hotline).status()).isEqualTo(role.staffIntake() ? 201 : 403);
  }

  /** Only triage undoes a duplicate link made at intake; a complaint that is not linked is a 409 for them. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void unlinksASubmissionOnlyAsTriage(Role role) {
    var unlink = http.post("/api/intake/" + waiting.get("review").trackingNumber() + "/unlink", role.user(), null);
    assertThat(unlink.status()).isEqualTo(role.user().equals("triager") ? 409 : 403);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void readsTheOutboxPageOnlyAsAReader(Role role) {
    var browser = new WebappBrowser(port, "default");
    browser.logInToStaffPages(role.user(), "demo");
    assertThat(browser.get("/staff/outbox").statusCode()).isEqualTo(role.readsAll() ? 200 : 403);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void readsTheDashboardOnlyAsAReaderOrAdministrator(Role role) {
    boolean reads = role.readsAll();
    var browser = new WebappBrowser(port, "default");
    browser.logInToStaffPages(role.user(), "demo");
    assertThat(browser.get("/staff/dashboard").statusCode()).as("page").isEqualTo(reads ? 200 : 403);
    assertThat(browser.get("/staff/dashboard/data").statusCode()).as("its figures").isEqualTo(reads ? 200 : 403);
    assertThat(http.get("/api/analytics/dashboard", role.user()).status()).as("figures for BI tools")
        .isEqualTo(reads ? 200 : 403);
    assertThat(http.get("/api/analytics/stage-times.csv", role.user()).status()).as("CSV for BI tools")
        .isEqualTo(reads ? 200 : 403);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void readsTheAuditPageOnlyAsAReader(Role role) {
    var browser = new WebappBrowser(port, "default");
    browser.logInToStaffPages(role.user(), "demo");
    assertThat(browser.get("/staff/complaints/" + waiting.get("plan").trackingNumber() + "/audit").statusCode())
        .isEqualTo(role.readsAll() ? 200 : 403);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void sendsAFailedMessageAgainOnlyAsManagerOrAdministrator(Role role) {
    long failed = jdbc.sql("select max(id) from notification where complaint_id = :id")
        .param("id", waiting.get("plan").id()).query(Long.class).single();
    jdbc.sql("update notification set state = 'FAILED' where id = :id").param("id", failed).update();
    var browser = new WebappBrowser(port, "default");
    browser.logInToStaffPages(role.user(), "demo");
    var retry = browser.postForm("/staff/login", "/staff/outbox/" + failed + "/retry", "");
    assertThat(retry.statusCode()).isEqualTo(role.retriesMail() ? 302 : 403);
    assertThat(jdbc.sql("select state from notification where id = :id").param("id", failed).query(String.class).single())
        .isEqualTo(role.retriesMail() ? "PENDING" : "FAILED");
  }

  @Test
  void anonymousCallsAreUnauthorizedOnEveryStaffSurface() {
    assertThat(http.get("/engine-rest/task", null).status()).as("engine REST").isEqualTo(401);
    assertThat(http.get("/camunda/api/engine/engine/default/task", null).status()).as("webapps' engine API")
        .isEqualTo(401);
    assertThat(http.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null).status())
        .as("Cockpit's API").isEqualTo(401);
    assertThat(http.post("/api/intake", null, "{}").status()).as("staff intake").isEqualTo(401);
    assertThat(http.post("/api/intake/CD-0000000000/unlink", null, null).status()).as("unlink").isEqualTo(401);
    assertThat(http.get("/api/analytics/dashboard", null).status()).as("figures for BI tools").isEqualTo(401);
    assertThat(http.get("/staff/outbox", null).headers().getLocation()).as("staff pages")
        .hasPath("/staff/login");
    assertThat(http.get("/staff/dashboard", null).headers().getLocation()).as("dashboard")
        .hasPath("/staff/login");
    assertThat(http.get("/staff/complaints/" + waiting.get("plan").trackingNumber() + "/audit", null).headers()
        .getLocation()).as("audit page").hasPath("/staff/login");
  }

  private int logIn(String app, Role role) {
    return new WebappBrowser(port, "default").logIn(app, role.user(), "demo").statusCode();
  }

  private int deploy(Role role) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("deployment-name", "probe-" + role.user());
    parts.add("probe.txt", new ByteArrayResource("probe".getBytes()) {
      @Override
      public String getFilename() {
        return "probe.txt";
      }
    });
    var answer = RestClient.create("http://localhost:" + port).post().uri("/engine-rest/deployment/create")
        .headers(headers -> headers.setBasicAuth(role.user(), "demo"))
        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
        .exchange((request, response) -> response.getStatusCode().value());
    var repository = engine.getRepositoryService();
    repository.createDeploymentQuery().deploymentName("probe-" + role.user()).list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId()));
    return answer;
  }

  private long count(String path, Role role) {
    var answer = http.get(path, role.user());
    assertThat(answer.status()).as(path).isEqualTo(200);
    return ((Number) answer.json("$.count")).longValue();
  }

  private String businessKeys(Set<String> queues) {
    return queues.stream().map(queue -> waiting.get(queue).trackingNumber()).collect(Collectors.joining(","));
  }

  private Set<String> queuesOf(List<String> taskIdsSeen) {
    return taskIds.entrySet().stream().filter(entry -> taskIdsSeen.contains(entry.getValue()))
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }
}
