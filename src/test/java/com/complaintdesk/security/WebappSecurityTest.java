package com.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.PageBrowser;
import com.complaintdesk.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps (Tasklist, Cockpit, Admin) and the public pages against forged requests, session cookies open to
 * scripts or other sites, guessed passwords, removed staff and the initial set-up, over real HTTP in the shared
 * context. Every test works with users of its own: a wrong password for a demo user would lock it for the other
 * test classes. Login delays and the webapps' authentication cache run on the engine clock, which tests move.
 */
@ComplaintDeskTest
class WebappSecurityTest {

  private static final String PASSWORD = "s3cret-Passw0rd";
  private static final String TASK_COUNT = "/task/count";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ActingUser acting;

  private final List<String> users = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();
  private final List<String> standaloneTasks = new ArrayList<>();
  private Duration clockMoved = Duration.ZERO;

  @BeforeEach
  void realTime() {
    clockMoved = Duration.ZERO;
  }

  @AfterEach
  void removeWhatTheTestCreated() {
    standaloneTasks.forEach(task -> tasks.deleteTask(task, true));
    users.forEach(identity::deleteUser);
    groups.forEach(identity::deleteGroup);
  }

  // --- CSRF ---

  @Test
  void aWebappLoginWithoutTheCsrfTokenIsRefused() {
    String user = newStaffUser();
    var browser = browser();
    browser.get("/camunda/app/tasklist/default/");

    var forged = browser.post("/camunda/api/admin/auth/user/default/login/tasklist", WebappBrowser.FORM,
        "username=" + user + "&password=" + WebappBrowser.encode(PASSWORD), false);

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    assertThat(browser().logIn(user, PASSWORD).statusCode()).as("the same login with the token").isEqualTo(200);
  }

  @Test
  void aWebappCallThatChangesSomethingNeedsTheCsrfToken() {
    String user = newStaffUser();
    String task = standaloneTaskFor(user);
    var browser = browser();
    assertThat(browser.logIn(user, PASSWORD).statusCode()).isEqualTo(200);

    var forged = browser.postEngine("/task/" + task + "/claim", "{\"userId\": \"" + user + "\"}", false);

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).as("not claimed").isNull();

    browser.logIn(user, PASSWORD); // the refused call also ended the session
    var claimed = browser.postEngine("/task/" + task + "/claim", "{\"userId\": \"" + user + "\"}", true);

    assertThat(claimed.statusCode()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(user);
  }

  @Test
  void theComplaintFormIsRefusedWithoutSpringsCsrfFieldAndAcceptedWithIt() {
    var browser = browser();
    var page = browser.get("/complaints/new");
    String token = PageBrowser.csrf(page);
    String fields = "declaredType=FUNCTIONAL&subject=Crash&description=It+crashes&affectedUsers=MANY"
        + "&contactEmail=li.wei%40example.org&consent=true";

    assertThat(browser.post("/complaints", WebappBrowser.FORM, fields, false).statusCode()).isEqualTo(403);

    var sent = browser.post("/complaints", WebappBrowser.FORM,
        fields + "&_csrf=" + WebappBrowser.encode(token), false);
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/complaints/CD-"));
  }

  // --- cookies ---

  @Test
  void theSessionCookieOfAWebappLoginIsHttpOnlyAndSameSite() {
    String user = newStaffUser();

    var login = browser().logIn(user, PASSWORD);

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(WebappBrowser.setCookie(login, "JSESSIONID")).hasValueSatisfying(cookie -> assertThat(cookie)
        .containsIgnoringCase("HttpOnly").containsOnlyOnce("SameSite=Lax")
        .as("plain HTTP: not Secure (WebappCookiesBehindHttpsProxyTest)").doesNotContainIgnoringCase("Secure"));
  }

  @Test
  void theCsrfCookieOfTheWebappsIsSameSite() {
    var page = browser().get("/camunda/app/tasklist/default/");

    // readable by scripts on purpose: Tasklist sends its value back in the X-XSRF-TOKEN header
    assertThat(WebappBrowser.setCookie(page, "XSRF-TOKEN")).hasValueSatisfying(cookie -> assertThat(cookie)
        .containsIgnoringCase("SameSite=Lax").contains("Path=/camunda"));
  }

  @Test
  void theSessionCookieOfThePublicPagesIsHttpOnlyAndSameSite() {
    var page = browser().get("/complaints/new");

    assertThat(WebappBrowser.setCookie(page, "JSESSIONID")).hasValueSatisfying(cookie -> assertThat(cookie)
        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
  }

  // --- removed and locked staff ---

  @Test
  void aDeletedUsersWebappSessionEndsAtTheirNextCall() {
    String user = newStaffUser();
    var browser = browser();
    browser.logIn(user, PASSWORD);
    assertThat(browser.getEngine(TASK_COUNT).statusCode()).isEqualTo(200);

    identity.deleteUser(user);
    users.remove(user);

    assertThat(browser.getEngine(TASK_COUNT).statusCode()).isEqualTo(401);
    assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).as("logged out").isEqualTo(404);
  }

  @Test
  void aDeletedUsersStaffPageSessionEndsAtTheirNextCall() {
    String user = newStaffUser(StaffGroups.COMPLAINT_MANAGERS);
    var browser = browser();
    browser.logInToStaffPages(user, PASSWORD);
    assertThat(browser.get("/staff/outbox").statusCode()).isEqualTo(200);

    identity.deleteUser(user);
    users.remove(user);

    var refused = browser.get("/staff/outbox");
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/staff/login"));
  }

  @Test
  void aUserLockedByWrongPasswordsLosesTheirSessionUntilAnAdminUnlocksThem() {
    String user = newStaffUser();
    var victim = browser();
    victim.logIn(user, PASSWORD);
    assertThat(victim.getEngine(TASK_COUNT).statusCode()).isEqualTo(200);

    var attacker = browser();
    for (int attempt = 1; attempt <= loginMaxAttempts(); attempt++) {
      assertThat(attacker.logIn(user, "guess-" + attempt).statusCode()).isEqualTo(401);
      moveEngineClock(Duration.ofSeconds(config().getLoginDelayMaxTime() + 1));
    }

    assertThat(victim.getEngine(TASK_COUNT).statusCode()).isEqualTo(401);
    assertThat(browser().logIn(user, PASSWORD).statusCode()).as("locked even with the right password").isEqualTo(401);

    acting.run("admin", () -> identity.unlockUser(user));

    var again = browser();
    assertThat(again.logIn(user, PASSWORD).statusCode()).isEqualTo(200);
    assertThat(again.getEngine(TASK_COUNT).statusCode()).isEqualTo(200);
  }

  @Test
  void groupChangesReachALoggedInUserWithinAMinute() {
    String group = newGroup();
    String user = newStaffUser(group);
    String groupTasks = TASK_COUNT + "?candidateGroup=" + group;
    standaloneTaskForGroup(group);
    var browser = browser();
    browser.logIn(user, PASSWORD);
    assertThat(browser.getEngine(groupTasks).body()).isEqualTo("{\"count\":1}");

    identity.deleteMembership(user, group);
    assertThat(browser.getEngine(groupTasks).body()).as("the webapps' cached groups").isEqualTo("{\"count\":1}");

    moveEngineClock(Duration.ofSeconds(61));

    assertThat(browser.getEngine(groupTasks).body()).isEqualTo("{\"count\":0}");
  }

  // --- login throttling ---

  @Test
  void aWrongPasswordDelaysTheNextWebappLoginButEndsNoSession() {
    String user = newStaffUser();
    var staff = browser();
    staff.logIn(user, PASSWORD);

    assertThat(browser().logIn(user, "wrong").statusCode()).isEqualTo(401);

    assertThat(browser().logIn(user, PASSWORD).statusCode()).as("within the delay").isEqualTo(401);
    assertThat(staff.getEngine(TASK_COUNT).statusCode()).as("the running session goes on").isEqualTo(200);
    moveEngineClock(Duration.ofSeconds(config().getLoginDelayBase() + 1));
    assertThat(browser().logIn(user, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordDelaysTheNextEngineRestLogin() {
    String user = newStaffUser();
    var http = new HttpClient(port);

    assertThat(http.get("/engine-rest/task/count", null, "Authorization", basic(user, "wrong")).status()).isEqualTo(401);

    assertThat(http.get("/engine-rest/task/count", null, "Authorization", basic(user, PASSWORD)).status())
        .as("within the delay").isEqualTo(401);
    moveEngineClock(Duration.ofSeconds(config().getLoginDelayBase() + 1));
    assertThat(http.get("/engine-rest/task/count", null, "Authorization", basic(user, PASSWORD)).status())
        .as("authenticated (what the user may then do is up to the authorizations)").isNotEqualTo(401);
  }

  @Test
  void aWrongPasswordDelaysTheNextStaffIntakeLogin() {
    String user = newStaffUser();
    var http = new HttpClient(port);

    assertThat(http.post("/api/intake", null, "{}", "Authorization", basic(user, "wrong")).status()).isEqualTo(401);

    assertThat(http.post("/api/intake", null, "{}", "Authorization", basic(user, PASSWORD)).status())
        .as("within the delay").isEqualTo(401);
    moveEngineClock(Duration.ofSeconds(config().getLoginDelayBase() + 1));
    assertThat(http.post("/api/intake", null, "{}", "Authorization", basic(user, PASSWORD)).status())
        .as("authenticated; the empty complaint is invalid").isEqualTo(400);
  }

  // --- initial set-up ---

  @Test
  void theInitialSetupIsRefusedEvenWhileNoAdministratorExists() {
    List<User> admins = identity.createUserQuery().memberOfGroup(StaffGroups.CAMUNDA_ADMIN).list();
    admins.forEach(admin -> identity.deleteMembership(admin.getId(), StaffGroups.CAMUNDA_ADMIN));
    String intruder = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      var browser = browser();
      assertThat(browser.get("/camunda/app/admin/default/setup/").statusCode()).isEqualTo(403);
      browser.get("/camunda/app/admin/default/");

      var created = browser.post("/camunda/api/admin/setup/default/user/create", WebappBrowser.JSON, """
          {"profile": {"id": "%s", "firstName": "In", "lastName": "Truder", "email": "in@truder.test"},
           "credentials": {"password": "%s"}}""".formatted(intruder, PASSWORD), true);

      assertThat(created.statusCode()).isEqualTo(403);
      assertThat(identity.createUserQuery().userId(intruder).count()).isZero();
    } finally {
      admins.forEach(admin -> identity.createMembership(admin.getId(), StaffGroups.CAMUNDA_ADMIN));
      if (identity.createUserQuery().userId(intruder).count() > 0) {
        identity.deleteUser(intruder);
      }
    }
  }

  // --- helpers ---

  private WebappBrowser browser() {
    return new WebappBrowser(port, "default");
  }

  /** A member of intake (which may use Tasklist and /api/intake) and of the given groups. */
  private String newStaffUser(String... extraGroups) {
    String id = "websec-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setFirstName("Web");
    user.setLastName("Security");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    users.add(id);
    identity.createMembership(id, StaffGroups.INTAKE);
    for (String group : extraGroups) {
      identity.createMembership(id, group);
    }
    return id;
  }

  private String newGroup() {
    String id = "websec-" + UUID.randomUUID().toString().substring(0, 8);
    var group = identity.newGroup(id);
    group.setName("Web security test");
    identity.saveGroup(group);
    groups.add(id);
    return id;
  }

  private String standaloneTaskFor(String candidateUser) {
    String id = newStandaloneTask();
    tasks.addCandidateUser(id, candidateUser);
    return id;
  }

  private String standaloneTaskForGroup(String candidateGroup) {
    String id = newStandaloneTask();
    tasks.addCandidateGroup(id, candidateGroup);
    return id;
  }

  private String newStandaloneTask() {
    var task = tasks.newTask();
    task.setName("Web security test");
    tasks.saveTask(task);
    standaloneTasks.add(task.getId());
    return task.getId();
  }

  /** The engine clock drives login delays and the webapps' authentication cache; it is reset after each test. */
  private void moveEngineClock(Duration by) {
    clockMoved = clockMoved.plus(by);
    ClockUtil.offset(clockMoved.toMillis());
  }

  private ProcessEngineConfigurationImpl config() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private int loginMaxAttempts() {
    return config().getLoginMaxAttempts();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
