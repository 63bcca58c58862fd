package com.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintVariables;
import com.complaintdesk.feedback.ComplainantActions;
import com.complaintdesk.security.WebappBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API of the auditors' Cockpit plugins over real HTTP, with a Cockpit login: a complaint driven through a
 * missed response deadline and one reopening is found in the History tab's list by its end state and breach, its
 * instance history shows the path, the fired deadline timer and the decisions, and its Complaint tab the timeline;
 * callers without Cockpit or without READ_HISTORY are refused, wrong filters get readable answers.
 */
@ComplaintDeskTest
class CockpitHistoryApiTest {

  private static final String API = "/camunda/complaint-desk/api";
  private static final String PASSWORD = "s3cret-Passw0rd";

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired ComplainantActions complainant;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> users = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();
  private final List<String> grants = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestCreated() {
    grants.forEach(authorizations::deleteAuthorization);
    users.forEach(identity::deleteUser);
    groups.forEach(identity::deleteGroup);
  }

  @Test
  void theHistoryTabFindsAClosedComplaintByEndStateBreachAndTrackingNumber() throws Exception {
    var complaint = closedAfterAMissedDeadlineAndOneReopening();
    var auditor = cockpitAs("auditor", "demo");

    JsonNode page = json(auditor.get(instances("trackingNumber=" + complaint.trackingNumber())));
    assertThat(page.get("total").asLong()).isEqualTo(1);
    JsonNode row = page.get("instances").get(0);
    assertThat(row.get("id").asText()).isEqualTo(complaint.processInstanceId());
    assertThat(row.get("endState").asText()).isEqualTo("CLOSED");
    assertThat(row.get("breached").asBoolean()).isTrue();
    assertThat(row.hasNonNull("endedAt")).isTrue();
    assertThat(row.get("durationMillis").asLong()).isPositive();

    assertThat(ids(auditor.get(instances("state=closed&breached=true&maxResults=200"))))
        .contains(complaint.processInstanceId());
    assertThat(ids(auditor.get(instances("state=RUNNING&maxResults=200"))))
        .doesNotContain(complaint.processInstanceId());
    assertThat(ids(auditor.get(instances("state=CLOSED&breached=false&maxResults=200"))))
        .doesNotContain(complaint.processInstanceId());
    assertThat(ids(auditor.get(instances("state=CLOSED_AFTER_FINAL_REVIEW&maxResults=200"))))
        .doesNotContain(complaint.processInstanceId());
    String startDay = row.get("startedAt").asText().substring(0, 10);
    assertThat(ids(auditor.get(instances("from=" + startDay + "&to=" + startDay + "&trackingNumber="
        + complaint.trackingNumber().substring(0, 8).toLowerCase())))).contains(complaint.processInstanceId());
    assertThat(json(auditor.get(instances("to=2000-01-01"))).get("total").asLong()).isZero();
  }

  @Test
  void theInstanceHistoryShowsThePathTheFiredDeadlineAndTheDecisionsWithoutWrittenTextsOrContacts() throws Exception {
    var complaint = closedAfterAMissedDeadlineAndOneReopening();

    var response = cockpitAs("auditor", "demo").get(API + "/process-instances/" + complaint.processInstanceId()
        + "/history");

    JsonNode history = json(response);
    JsonNode passed = history.get("passed");
    assertThat(passed.get("AssignHandler").asInt()).as("the department stage, passed again after the reopening")
        .isEqualTo(2);
    assertThat(passed.get("ReopenComplaint").asInt()).isEqualTo(1);
    assertThat(passed.get("RecordResponseBreach").asInt()).isEqualTo(1);
    assertThat(passed.get("ComplaintClosed").asInt()).isEqualTo(1);
    assertThat(history.get("instance").get("endState").asText()).isEqualTo("CLOSED");
    assertThat(history.get("instance").get("breached").asBoolean()).isTrue();

    JsonNode deadline = elements(history.get("timers")).stream()
        .filter(timer -> timer.get("activityId").asText().equals("ResponseDeadlinePassed")
            && timer.get("state").asText().equals("FIRED"))
        .findFirst().orElseThrow(() -> new AssertionError("no fired response deadline in " + history.get("timers")));
    assertThat(Instant.parse(deadline.get("firedAt").asText()))
        .isAfterOrEqualTo(Instant.parse(deadline.get("dueAt").asText()));
    assertThat(deadline.get("name").asText()).isEqualTo("Response deadline passed");

    JsonNode priority = elements(history.get("decisions")).stream()
        .filter(decision -> decision.get("key").asText().equals("complaint-priority")).findFirst().orElseThrow();
    assertThat(elements(priority.get("inputs"))).extracting(input -> input.get("value").asText()).contains("MANY");
    assertThat(elements(priority.get("outputs"))).extracting(output -> output.get("value").asText()).contains("HIGH");
    assertThat(elements(priority.get("matchedRules"))).isNotEmpty();

    assertThat(elements(history.get("variables"))).extracting(variable -> variable.get("name").asText())
        .contains(ComplaintVariables.PRIORITY, ComplaintVariables.HANDLER)
        .doesNotContainAnyElementsOf(ComplaintVariables.WRITTEN_TEXTS);
    assertThat(elements(history.get("activities"))).filteredOn(activity -> activity.get("activityId").asText()
        .equals("AssignHandler")).allSatisfy(activity -> assertThat(activity.get("candidateGroups").toString())
        .contains("tech-support-leads"));
    assertNoContactDetails(response.body());
    assertThat(response.body().toLowerCase()).as("the complaint's text, which the category rules read")
        .doesNotContain("the app crashes when i upload a photo");
  }

  @Test
  void theComplaintTabShowsTheTimelineTheMissedDeadlineAndTheWayToTheAuditPage() throws Exception {
    var complaint = closedAfterAMissedDeadlineAndOneReopening();

    var response = cockpitAs("auditor", "demo").get(API + "/process-instances/" + complaint.processInstanceId()
        + "/complaint");

    JsonNode tab = json(response);
    assertThat(tab.get("trackingNumber").asText()).isEqualTo(complaint.trackingNumber());
    assertThat(tab.get("status").asText()).isEqualTo("CLOSED");
    assertThat(tab.get("reopenCount").asInt()).isEqualTo(1);
    assertThat(elements(tab.get("breaches"))).extracting(breach -> breach.get("deadline").asText())
        .containsExactly("RESPONSE");
    assertThat(elements(tab.get("timeline"))).extracting(entry -> entry.get("type").asText())
        .containsSubsequence("RECEIVED", "RESPONSE_DEADLINE_BREACHED", "REOPENED", "CLOSED");
    assertThat(tab.get("auditPage").asText()).isEqualTo("/staff/complaints/" + complaint.trackingNumber() + "/audit");
    assertNoContactDetails(response.body());
  }

  @Test
  void aWithdrawnComplaintEndsWithdrawnAndARunningOneRunning() throws Exception {
    var withdrawn = driver.submitAppCrash();
    complainant.withdraw(withdrawn);
    driver.executeDueJobs(withdrawn);
    var running = driver.submitAppCrash();
    var auditor = cockpitAs("auditor", "demo");

    assertThat(json(auditor.get(instances("trackingNumber=" + withdrawn.trackingNumber()))).get("instances").get(0)
        .get("endState").asText()).isEqualTo("WITHDRAWN");
    assertThat(ids(auditor.get(instances("state=WITHDRAWN&maxResults=200")))).contains(withdrawn.processInstanceId());
    JsonNode runningRow = json(auditor.get(instances("trackingNumber=" + running.trackingNumber())))
        .get("instances").get(0);
    assertThat(runningRow.get("endState").asText()).isEqualTo("RUNNING");
    assertThat(runningRow.hasNonNull("endedAt")).isFalse();
  }

  @Test
  void usersWithoutCockpitOrWithoutTheHistoryPermissionAreRefused() throws Exception {
    var complaint = driver.submitAppCrash();
    String history = API + "/process-instances/" + complaint.processInstanceId() + "/history";

    var anybody = new WebappBrowser(port, engine.getName());
    assertThat(anybody.get(history).statusCode()).as("not logged in").isEqualTo(401);
    assertThat(json(anybody.get(history)).get("detail").asText()).isEqualTo("Log in to Cockpit first.");

    var agent = new WebappBrowser(port, engine.getName());
    assertThat(agent.logIn("cockpit", "agent", "demo").statusCode()).as("Cockpit login of the intake agent")
        .isEqualTo(403);
    assertThat(agent.get(history).statusCode()).as("the intake agent").isEqualTo(401);

    String reader = cockpitUserWithoutHistory();
    var withoutHistory = cockpitAs(reader, PASSWORD);
    for (String path : List.of(history, API + "/process-instances/" + complaint.processInstanceId() + "/complaint",
        instances(""))) {
      var refused = withoutHistory.get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(json(refused).get("detail").asText()).contains("READ_HISTORY");
    }
  }

  @Test
  void theApiOnlyReadsAndAnswersWrongInputReadably() throws Exception {
    var complaint = driver.submitAppCrash();
    var auditor = cockpitAs("auditor", "demo");

    assertProblem(auditor.get(instances("state=SOLVED")), 400, "state: 'SOLVED' is not an end state; use one of RUNNING");
    assertProblem(auditor.get(instances("breached=maybe")), 400, "breached: 'maybe' is neither true nor false");
    assertProblem(auditor.get(instances("from=2026-13-01")), 400, "from: '2026-13-01' is not a day like 2026-11-01");
    assertProblem(auditor.get(instances("from=2026-11-02&to=2026-11-01")), 400, "is before from");
    assertProblem(auditor.get(instances("maxResults=201")), 400, "maxResults: '201' is not a whole number from 1 to 200");
    assertProblem(auditor.get(instances("firstResult=-1")), 400, "firstResult: '-1' is not a whole number from 0 up");
    assertProblem(auditor.get(instances("trackingNumber=%25%27%20or%201%3D1")), 400, "is not (the beginning of) a tracking number");
    assertProblem(auditor.get(API + "/process-definitions/nope:1:1/instances"), 404, "There is no process definition");
    assertProblem(auditor.get(API + "/process-instances/nope/history"), 404, "There is no process instance nope");
    var change = auditor.post(API + "/process-instances/" + complaint.processInstanceId() + "/history",
        "application/json", "{}", true);
    assertThat(change.statusCode()).isEqualTo(403);
  }

  @Test
  void aCallOfThePluginApiKeepsTheCockpitSessionForCockpitsOwnCalls() throws Exception {
    var auditor = cockpitAs("auditor", "demo");

    var call = auditor.get(instances(""));

    assertThat(call.statusCode()).isEqualTo(200);
    assertThat(call.headers().allValues("Set-Cookie")).as("a renewed session would log out Cockpit's calls in flight")
        .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
    assertThat(auditor.get("/camunda/api/engine/engine/" + engine.getName() + "/process-definition/count")
        .statusCode()).isEqualTo(200);
  }

  /** Tech support misses the first plan's deadline; the user is unhappy once, then satisfied. */
  private Complaint closedAfterAMissedDeadlineAndOneReopening() {
    var complaint = driver.submitAppCrash();
    driver.advanceClock(complaint, Duration.ofDays(4));
    driver.handleUntilResultSent(complaint);
    complainant.answerSurvey(driver.reload(complaint), 2, "Still broken");
    driver.executeDueJobs(complaint);
    driver.handleUntilResultSent(complaint);
    complainant.answerSurvey(driver.reload(complaint), 5, "Works now");
    driver.executeDueJobs(complaint);
    return driver.reload(complaint);
  }

  private String instances(String query) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ComplaintVariables.PROCESS_KEY).latestVersion().singleResult().getId();
    return API + "/process-definitions/" + definitionId + "/instances" + (query.isEmpty() ? "" : "?" + query);
  }

  private WebappBrowser cockpitAs(String user, String password) {
    var browser = new WebappBrowser(port, engine.getName());
    assertThat(browser.logIn("cockpit", user, password).statusCode()).as("Cockpit login of %s", user).isEqualTo(200);
    return browser;
  }

  /** A user who may open Cockpit and read the process definitions, but not their history. */
  private String cockpitUserWithoutHistory() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String group = "readers-" + suffix;
    var created = identity.newGroup(group);
    identity.saveGroup(created);
    groups.add(group);
    String user = "reader-" + suffix;
    var account = identity.newUser(user);
    account.setPassword(PASSWORD);
    identity.saveUser(account);
    users.add(user);
    identity.createMembership(user, group);
    grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(group, Resources.PROCESS_DEFINITION, ComplaintVariables.PROCESS_KEY, Permissions.READ,
        Permissions.READ_INSTANCE);
    return user;
  }

  private void grant(String group, Resources resource, String resourceId, Permissions... permissions) {
    Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permissions permission : permissions) {
      authorization.addPermission(permission);
    }
    grants.add(authorizations.saveAuthorization(authorization).getId());
  }

  private void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).get("detail").asText()).contains(detail);
  }

  private static void assertNoContactDetails(String body) {
    assertThat(body).doesNotContain(ProcessDriver.CONTACT.name(), ProcessDriver.CONTACT.email(),
        ProcessDriver.CONTACT.phone());
  }

  private List<String> ids(HttpResponse<String> response) throws Exception {
    return elements(json(response).get("instances")).stream().map(row -> row.get("id").asText()).toList();
  }

  private JsonNode json(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  private static List<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
