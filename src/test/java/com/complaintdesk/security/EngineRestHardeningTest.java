package com.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.HttpClient;
import com.complaintdesk.ProcessDriver;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
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
 * The engine REST API refuses what would run a caller's code on the server (expressions in queries, Java
 * objects as variables), caps how much one query returns, lets no one in without a password, and answers
 * errors without stack traces, class names or SQL.
 */
@ComplaintDeskTest
@ExtendWith(OutputCaptureExtension.class)
class EngineRestHardeningTest {

  /** Would fail loudly (a 500) if the engine ever evaluated it. */
  static final String EXPRESSION = "${noSuchBean.boom}";
  static final String PROBE_USER = "rest-hardening-probe";
  static final String PROBE_PASSWORD = "probe-password-1";
  static final Pattern QUALIFIED_CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");
  static final MediaType JSON = MediaType.APPLICATION_JSON;
  static final Pattern REFERENCE = Pattern.compile("reference ([0-9a-f-]{36})");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
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
  void anonymousAndWrongPasswordCallsAreUnauthorized() {
    // Its own user: wrong passwords lock an account for a while, which must not hit the shared demo users.
    if (identity.createUserQuery().userId(PROBE_USER).count() == 0) {
      var user = identity.newUser(PROBE_USER);
      user.setPassword(PROBE_PASSWORD);
      identity.saveUser(user);
    }

    assertThat(http.get("/engine-rest/task?maxResults=1", null).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/history/process-instance/count", null).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/task?maxResults=1", null, "Authorization", basic(PROBE_USER, PROBE_PASSWORD))
        .status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/task?maxResults=1", null, "Authorization", basic(PROBE_USER, "wrong")).status())
        .isEqualTo(401);
  }

  @Test
  void engineRefusesExpressionsInAdhocQueries() {
    assertThatThrownBy(() -> tasks.createTaskQuery().taskAssigneeExpression(EXPRESSION).listPage(0, 1))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Expressions are forbidden");
  }

  @Test
  void expressionsInTaskQueryParametersAndBodiesAreRefused() {
    // refused by their names (a URL's braces would be a template to the client)
    assertRefusedExpression(http.get("/engine-rest/task?maxResults=10&assigneeExpression=currentUser()", "agent"));
    assertRefusedExpression(http.get("/engine-rest/task/count?candidateGroupExpression=currentUserGroups()", "agent"));
    assertRefusedExpression(http.post("/engine-rest/task?maxResults=10", "agent",
        "{\"assigneeExpression\": \"" + EXPRESSION + "\"}"));
  }

  @Test
  void expressionsInsideOrQueriesAreRefused() {
    String orQuery = "{\"orQueries\": [{\"name\": \"x\", \"assigneeExpression\": \"" + EXPRESSION + "\"}]}";
    assertRefusedExpression(http.post("/engine-rest/task?maxResults=10", "agent", orQuery));
    assertRefusedExpression(http.post("/engine-rest/task/count", "agent", orQuery));
    assertRefusedExpression(http.post("/engine-rest/engine/default/task?maxResults=10", "agent", orQuery));
  }

  @Test
  void filtersRefuseExpressionsInTheExtendingQueryButRunTheirOwn() {
    String myTasks = filterId("My tasks");

    assertRefusedExpression(http.post("/engine-rest/filter/" + myTasks + "/list?maxResults=10", "handler-tech",
        "{\"assigneeExpression\": \"" + EXPRESSION + "\"}"));
    assertRefusedExpression(http.post("/engine-rest/filter/" + myTasks + "/list?maxResults=10", "handler-tech",
        "{\"orQueries\": [{\"assigneeExpression\": \"" + EXPRESSION + "\"}]}"));
    assertRefusedExpression(http.post("/engine-rest/filter/" + myTasks + "/count", "handler-tech",
        "{\"orQueries\": [{\"assigneeExpression\": \"" + EXPRESSION + "\"}]}"));
    // The stored query's ${currentUser()} still works, with a plain extending query.
    var complaint = driver.submitAppCrash();
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    var mine = http.post("/engine-rest/filter/" + myTasks + "/list?maxResults=100", "handler-tech",
        "{\"processInstanceBusinessKey\": \"" + complaint.trackingNumber() + "\"}");
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    assertThat(mine.<List<String>>json("$[*].taskDefinitionKey")).containsExactly("ProposePlan");
  }

  @Test
  void staffCannotCreateOrChangeFiltersButAnAdministratorCan() {
    String storedExpression = "{\"resourceType\": \"Task\", \"name\": \"Probe\", \"query\": {\"assigneeExpression\": "
        + "\"${currentUser()}\"}}";
    assertThat(http.post("/engine-rest/filter/create", "agent", storedExpression).status()).isEqualTo(403);
    assertThat(http.send(HttpMethod.PUT, "/engine-rest/filter/" + filterId("My tasks"), "lead-tech", storedExpression)
        .status()).isEqualTo(403);

    var created = http.post("/engine-rest/filter/create", "admin", storedExpression);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    filters.deleteFilter(created.json("$.id"));
  }

  @Test
  void webappsEngineApiRefusesExpressionsToo() {
    var tasklist = new WebappBrowser(port, "default");
    assertThat(tasklist.logIn("handler-tech", "demo").statusCode()).isEqualTo(200);
    var refused = tasklist.postEngine("/task?maxResults=10",
        "{\"orQueries\": [{\"assigneeExpression\": \"" + EXPRESSION + "\"}]}", true);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("InvalidRequestException", "expressions");
    // A query as Tasklist sends it goes through, and so does an administrator's new filter.
    var plain = tasklist.postEngine("/task?maxResults=10",
        "{\"orQueries\": [{\"name\": \"x\", \"assignee\": \"handler-tech\"}]}", true);
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
    var admin = new WebappBrowser(port, "default");
    assertThat(admin.logIn("admin", "demo").statusCode()).isEqualTo(200);
    var created = admin.postEngine("/filter/create", "{\"resourceType\": \"Task\", \"name\": \"Probe\","
        + " \"query\": {\"assigneeExpression\": \"${currentUser()}\"}}", true);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    filters.deleteFilter(JsonPath.read(created.body(), "$.id"));
  }

  @Test
  void javaSerializedAndObjectVariablesAreRefused() {
    String javaSerialized = """
        {"value": "rO0ABXQAA2Zvbw==", "type": "Object",
         "valueInfo": {"objectTypeName": "java.lang.String",
                       "serializationDataFormat": "application/x-java-serialized-object"}}""";
    String jsonObject = """
        {"value": "{}", "type": "Object",
         "valueInfo": {"objectTypeName": "java.util.HashMap", "serializationDataFormat": "application/json"}}""";
    String variables = "/engine-rest/task/" + task.getId() + "/localVariables";

    for (var refused : List.of(
        http.send(HttpMethod.PUT, variables + "/probe", "admin", javaSerialized),
        http.send(HttpMethod.PUT, variables + "/probe", "admin", jsonObject.replace("\"Object\"", "\"object\"")),
        http.post(variables, "admin", "{\"modifications\": {\"probe\": " + javaSerialized + "}}"),
        http.post("/engine-rest/task/" + task.getId() + "/complete", "admin",
            "{\"variables\": {\"probe\": " + jsonObject + "}}"))) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.<String>json("$.message")).contains("probe", "type Object");
    }
    assertThat(tasks.getVariablesLocal(task.getId())).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("not completed").isOne();
  }

  @Test
  void engineRefusesJavaSerializationItself() {
    var serialized = Variables.serializedObjectValue("rO0ABXQAA2Zvbw==").objectTypeName("java.lang.String")
        .serializationDataFormat(SerializationDataFormats.JAVA).create();

    assertThatThrownBy(() -> tasks.setVariableLocal(task.getId(), "probe", serialized))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Java serialization format is prohibited");
  }

  @Test
  void jsonObjectsAreOnlyTurnedIntoAllowedTypes(CapturedOutput log) {
    tasks.setVariableLocal(task.getId(), "allowed", Variables.serializedObjectValue("{\"a\": 1}")
        .objectTypeName("java.util.HashMap").serializationDataFormat(SerializationDataFormats.JSON).create());
    tasks.setVariableLocal(task.getId(), "notAllowed", Variables.serializedObjectValue("\"https://example.org/\"")
        .objectTypeName("java.net.URL").serializationDataFormat(SerializationDataFormats.JSON).create());
    String variables = "/engine-rest/task/" + task.getId() + "/localVariables/";

    assertThat(http.get(variables + "allowed", "admin").status()).isEqualTo(200);
    var refused = http.get(variables + "notAllowed", "admin");
    assertThat(refused.status()).isEqualTo(500);
    assertNothingInternal(refused.body());
    var reference = REFERENCE.matcher(refused.body());
    assertThat(reference.find()).as(refused.body()).isTrue();
    assertThat(log.getOut()).contains("Engine REST answered 500 with reference " + reference.group(1))
        .contains("not whitelisted for deserialization: [java.net.URL]")
        .as("the variable's value stays out of the log").doesNotContain("example.org");
    assertThatThrownBy(() -> tasks.getVariableLocal(task.getId(), "notAllowed"))
        .hasMessageContaining("java.net.URL");
  }

  @Test
  void queriesReturnAtMostTheLimitAndNeverAnUnboundedList() {
    var oversize = http.get("/engine-rest/task?maxResults=2001", "auditor");
    assertThat(oversize.status()).isEqualTo(400);
    assertThat(oversize.<String>json("$.message")).contains("Max results limit of 2000 exceeded");

    var unbounded = http.get("/engine-rest/history/process-instance", "auditor");
    assertThat(unbounded.status()).isEqualTo(400);
    assertThat(unbounded.<String>json("$.message")).contains("unbound number of results is forbidden");

    assertThat(http.get("/engine-rest/history/process-instance?maxResults=2000", "auditor").status()).isEqualTo(200);
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

  private String filterId(String name) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    return filter.getId();
  }

  private static void assertRefusedExpression(HttpClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.<String>json("$.type")).isEqualTo("InvalidRequestException");
    assertThat(response.<String>json("$.message")).containsIgnoringCase("expression");
  }

  private static void assertNothingInternal(String body) {
    assertThat(body).as("nothing internal")
        .doesNotContain("###", "\tat ", "ACT_", "Exception:")
        .doesNotContainIgnoringCase("select ")
        .doesNotContainIgnoringCase("sql");
    assertThat(QUALIFIED_CLASS_NAME.matcher(body).find()).as("a qualified class name in %s", body).isFalse();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
