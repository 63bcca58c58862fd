package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.modelcheck.FormFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every demo user logs in to Camunda Tasklist in a real headless Chromium, finds their task in their
 * filter, opens it and sees its Camunda Form rendered by form-js with the fields they have to fill in.
 * The fields are looked up through the form file itself (key, component id, label), so the test notices
 * when the form, the process model and what Tasklist renders drift apart.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}; without them the test is skipped, unless
 * {@code -Dbrowser.tests.required=true} (or {@code BROWSER_TESTS_REQUIRED=true}) makes it fail instead.
 * Screenshots of every case go to {@code target/screenshots/}.
 */
// An engine name of its own: the webapps and the engine REST API find engines by name in one JVM-wide registry,
// where a second "default" would replace the shared context's engine for every test class after this one.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "complaint-desk.demo.sample-complaints=true", "camunda.bpm.process-engine-name=" + TasklistFormsBrowserTest.ENGINE})
@ActiveProfiles("test")
@Import(ProcessDriver.class)
@EnabledIf(value = "com.complaintdesk.HeadlessChromium#installedOrRequired",
    disabledReason = HeadlessChromium.DISABLED_REASON)
class TasklistFormsBrowserTest {

  static final String ENGINE = "tasklistBrowserTest";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String PASSWORD = "demo";
  /** Tasklist's login page asks for the "first visit" box; the app does not serve it, and Tasklist ignores that. */
  private static final String IGNORED_CONSOLE_ERROR = "/camunda-welcome";

  private static HeadlessChromium browser;
  private static ChromeDriver driver;
  private static WebDriverWait wait;

  @LocalServerPort
  int port;

  @Autowired
  TaskService taskService;

  @Autowired
  IdentityService identityService;

  @Autowired
  ProcessDriver processDriver;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Timeline timeline;

  /** One task of the sample complaints: who works on it, the form it shows and the keys its user fills in. */
  record FormCase(String taskKey, String user, boolean assignee, String formId, List<String> inputKeys) {

    @Override
    public String toString() {
      return taskKey + " as " + user;
    }
  }

  static Stream<FormCase> formCases() {
    return Stream.of(
        new FormCase("LogComplaint", "agent", false, "log-complaint",
            List.of("subject", "description", "declaredType", "affectedUsers")),
        new FormCase("ReviewClassification", "triager", false, "review-classification",
            List.of("category", "priority", "department", "duplicateOf")),
        new FormCase("AssignHandler", "lead-tech", false, "assign-handler", List.of("handler")),
        new FormCase("ProposePlan", "handler-design", true, "propose-plan", List.of("plan")),
        new FormCase("ImplementPlan", "handler-legal", true, "implement-plan",
            List.of("progressNote", "sendProgressReply", "done")),
        new FormCase("ConfirmResult", "handler-product", true, "confirm-result",
            List.of("measures", "effect", "goalMet")),
        new FormCase("FollowUpCall", "handler-cs", false, "follow-up-call", List.of("reached")),
        new FormCase("FinalReview", "manager", false, "final-review", List.of("closingNote")));
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = HeadlessChromium.start(1400, 1000);
    driver = browser.driver();
    wait = browser.await();
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formCases")
  void theUserSeesTheFormOfTheirTaskWithItsInputFields(FormCase formCase) throws IOException {
    Task task = openTaskOf(formCase);
    assertThat(task.getCamundaFormRef())
        .as("the form reference of %s in the process model", formCase.taskKey()).isNotNull();
    assertThat(task.getCamundaFormRef().getKey()).isEqualTo(formCase.formId());
    JsonNode form = formFile(formCase.formId());

    try {
      login(formCase.user());
      openFromFilter(formCase.assignee() ? "My tasks" : "My group tasks", task);
      awaitForm(task);
      if (!formCase.assignee()) {
        claim();
      }
      for (String key : formCase.inputKeys()) {
        assertVisibleInputField(form, key);
      }
      switch (formCase.taskKey()) {
        case "AssignHandler" -> assertHandlersOfTheDepartmentAreOffered(form);
        case "FollowUpCall" -> assertReachingTheUserAsksForTheirSatisfaction(form);
        default -> scrollTo(field(form, formCase.inputKeys().get(formCase.inputKeys().size() - 1)));
      }
      assertNoFailureShown();
      assertThat(consoleErrors()).as("errors in the browser console (failed requests of Tasklist)").isEmpty();
    } finally {
      screenshot(formCase.taskKey());
      // Leave the sample complaint as it was: the other cases (and the authorization case) expect it unclaimed.
      if (!formCase.assignee()) {
        taskService.setAssignee(task.getId(), null);
      }
    }
  }

  @Test
  void aLeadOfAnotherDepartmentNeitherListsNorOpensTheTechSupportTask() throws IOException {
    Task techSupportTask = taskService.createTaskQuery().taskDefinitionKey("AssignHandler")
        .taskCandidateGroup("tech-support-leads").singleResult();
    assertThat(techSupportTask).as("the sample complaint waiting for a tech support handler").isNotNull();
    assertThat(techSupportTask.getAssignee()).isNull();

    try {
      login("lead-design");
      focusFilter("My group tasks");
      assertThat(driver.findElements(By.cssSelector(taskLink(techSupportTask)))).as("the tech support task listed")
          .isEmpty();
      assertThat(driver.findElements(By.xpath("//ol[contains(@class,'tasks-list')]//h4/a")))
          .as("tasks in lead-design's group tasks").extracting(WebElement::getText)
          .doesNotContain("Assign handler");

      driver.get(taskUrl(techSupportTask));
      WebElement notification = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".page-notifications .alert-danger")));
      assertThat(notification.getText())
          .as("what Tasklist says when the user may not read the task")
          .contains("The task does not exist anymore")
          .contains("No matching task with id " + techSupportTask.getId());
      assertThat(driver.findElements(By.cssSelector(".fjs-form"))).as("a rendered form").isEmpty();
      assertThat(driver.findElement(By.tagName("body")).getText())
          .as("the page of a task lead-design may not see")
          .doesNotContain("The app crashes on photo upload")
          .contains("Select a task in the list.");
      assertThat(consoleErrors()).as("Tasklist's failed requests")
          .anyMatch(error -> error.contains("/task/" + techSupportTask.getId()) && error.contains("status of 404"));
    } finally {
      screenshot("AssignHandler-lead-design");
    }
  }

  @Test
  void scriptInAComplaintIsShownAsTextInTheHandlersForm() throws IOException {
    String subject = "<script>window.injected = true</script>";
    String description = "<img src=x onerror=\"window.injected = true\">";
    var complaint = processDriver.submitWebComplaint("FUNCTIONAL", subject, description, AffectedUsers.MANY);
    processDriver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    Task proposePlan = processDriver.task(complaint, "ProposePlan");

    try {
      login("handler-tech");
      openFromFilter("My tasks", proposePlan);
      awaitForm(proposePlan);
      JsonNode form = formFile("propose-plan");

      assertThat(field(form, "subject").getAttribute("value")).isEqualTo(subject);
      assertThat(field(form, "description").getAttribute("value")).isEqualTo(description);
      assertThat(((JavascriptExecutor) driver).executeScript("return window.injected === true"))
          .as("script from the complaint ran in Tasklist").isEqualTo(false);
    } finally {
      screenshot("ProposePlan-script-as-text");
    }
  }

  @Test
  void triageSeesTheSuggestedClassificationAndTheSimilarComplaints() throws IOException {
    var settled = new ArrayList<String>();
    for (String description : List.of("The lost property office at Pier 9 never opens",
        "Nobody at the Pier 9 lost property office picks up")) {
      var complaint = processDriver.submitWebComplaint("OTHER", "Lost property at Pier 9", description, AffectedUsers.ONE);
      processDriver.complete(complaint, "ReviewClassification", "triager",
          Map.of("category", "SERVICE", "priority", "MEDIUM", "department", "CUSTOMER_SERVICE", "duplicateOf", ""));
      settled.add(complaint.trackingNumber());
    }
    var third = processDriver.submitWebComplaint("OTHER", "Pier 9 lost property",
        "Who runs the lost property office at Pier 9?", AffectedUsers.ONE);
    Task review = processDriver.task(third, "ReviewClassification");

    try {
      login("triager");
      openFromFilter("My group tasks", review);
      awaitForm(review);
      JsonNode form = formFile("review-classification");

      assertThat(field(form, "suggestedCategory").getAttribute("value")).isEqualTo("SERVICE");
      assertThat(field(form, "suggestedDepartment").getAttribute("value")).isEqualTo("CUSTOMER_SERVICE");
      assertThat(field(form, "suggestionConfidence").getAttribute("value")).as("two votes of ten").startsWith("0.");
      WebElement similar = field(form, "similarComplaints");
      scrollTo(similar);
      assertThat(similar.getAttribute("value")).contains(settled);
      assertThat(driver.findElements(By.cssSelector(".fjs-form a[href*='/staff/complaints/']")))
          .as("links to the similar complaints' summaries").extracting(link -> link.getAttribute("href"))
          .anySatisfy(href -> assertThat(href).endsWith("/staff/complaints/" + settled.get(0) + "/summary"))
          .anySatisfy(href -> assertThat(href).endsWith("/staff/complaints/" + settled.get(1) + "/summary"));
      assertThat(consoleErrors()).isEmpty();
    } finally {
      screenshot("ReviewClassification-suggestion");
      // Leave the review queue as the samples made it.
      processDriver.complete(third, "ReviewClassification", "triager",
          Map.of("category", "SERVICE", "priority", "MEDIUM", "department", "CUSTOMER_SERVICE", "duplicateOf", ""));
    }
  }

  @Test
  void theHandlerSendsTheDraftedReplyAsEditedInTheImplementPlanForm() throws IOException {
    var complaint = processDriver.submitWebComplaint("FUNCTIONAL", "Photos vanish after upload",
        "Every photo I upload is gone the next day", AffectedUsers.MANY);
    processDriver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    processDriver.complete(complaint, "ProposePlan", "handler-tech", Map.of("plan", "Repair the photo storage"));
    Task implementPlan = processDriver.task(complaint, "ImplementPlan");

    try {
      login("handler-tech");
      openFromFilter("My tasks", implementPlan);
      awaitForm(implementPlan);
      JsonNode form = formFile("implement-plan");
      By reply = By.cssSelector(".fjs-form textarea[id$='-" + component(form, "progressReply").path("id").asText() + "']");
      assertThat(driver.findElements(reply)).as("the drafted reply before the handler asks for it")
          .noneMatch(WebElement::isDisplayed);

      WebElement send = field(form, "sendProgressReply");
      scrollTo(send);
      send.click();
      WebElement draft = wait.until(ExpectedConditions.visibilityOfElementLocated(reply));
      assertThat(draft.getAttribute("value")).as("processes/replies/implement-plan/FUNCTIONAL.en.txt, filled")
          .contains("\"Photos vanish after upload\" (" + complaint.trackingNumber() + ")",
              "What we are doing: Repair the photo storage");
      String drafted = draft.getAttribute("value");
      assertThat(driver.findElements(By.cssSelector(".fjs-form textarea[id$='-"
          + component(form, "progressNote").path("id").asText() + "']"))).as("the handler's own note, replaced by the reply")
          .noneMatch(WebElement::isDisplayed);
      scrollTo(draft);
      draft.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\nPS: the fix ships on Friday.");
      screenshot("ImplementPlan-drafted-reply");

      completeInTasklist(implementPlan);
      processDriver.executeDueJobs(complaint);

      String sent = drafted + "\nPS: the fix ships on Friday.";
      assertThat(jdbc.sql("select payload from notification where complaint_id = :id and template = 'PROGRESS_NOTE'")
          .param("id", complaint.id()).query(String.class).list()).singleElement()
          .satisfies(payload -> assertThat(payload).contains("PS: the fix ships on Friday.", "Repair the photo storage"));
      assertThat(timeline.of(complaint.id())).last().satisfies(event -> {
        assertThat(event.type()).isEqualTo(TimelineEventType.PROGRESS_NOTE);
        assertThat(event.detail()).isEqualTo(sent.strip());
      });
      assertThat(runtimeService.getVariables(complaint.processInstanceId()))
          .doesNotContainKeys("progressReply", "sendProgressReply");
      assertThat(consoleErrors()).isEmpty();
    } finally {
      screenshot("ImplementPlan-reply-sent");
    }
  }

  @Test
  void theOwnerProposesTheImprovementOfTheSampleHotTopicWithADueDay() throws IOException {
    Task propose = taskService.createTaskQuery().taskDefinitionKey("ProposeImprovement").taskAssignee("handler-cs")
        .singleResult();
    assertThat(propose).as("the sample hot topic's improvement action, its owner named").isNotNull();
    LocalDate due = LocalDate.now().plusDays(20);

    try {
      login("handler-cs");
      openFromFilter("My tasks", propose);
      awaitForm(propose);
      JsonNode form = formFile("propose-improvement");
      assertThat(field(form, "topic").getAttribute("value")).isEqualTo("PRICE \"coupon\"");
      assertThat(field(form, "recentCount").getAttribute("value")).isNotEmpty();

      WebElement proposal = field(form, "proposal");
      scrollTo(proposal);
      proposal.sendKeys("Check coupons against the campaign rules before checkout.");
      WebElement day = driver.findElement(By.cssSelector(".fjs-form input[id$='-"
          + component(form, "dueDate").path("id").asText() + "-date']"));
      scrollTo(day);
      day.sendKeys(due.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.TAB);
      screenshot("ProposeImprovement");

      completeInTasklist(propose);

      var implement = taskService.createTaskQuery().processInstanceId(propose.getProcessInstanceId()).singleResult();
      assertThat(implement.getTaskDefinitionKey()).isEqualTo("ImplementImprovement");
      assertThat(implement.getDueDate().toInstant()).as("the end of the day the owner chose")
          .isEqualTo(due.plusDays(1).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
      assertThat(consoleErrors()).isEmpty();
    } finally {
      screenshot("ProposeImprovement-completed");
    }
  }

  // --- the app and its data --------------------------------------------------------------------------------

  private Task openTaskOf(FormCase formCase) {
    var query = taskService.createTaskQuery().taskDefinitionKey(formCase.taskKey()).active().initializeFormKeys();
    if (formCase.assignee()) {
      query.taskAssignee(formCase.user());
    } else {
      query.taskCandidateUser(formCase.user()).taskUnassigned();
    }
    List<Task> found = query.orderByTaskCreateTime().asc().list();
    assertThat(found).as("open %s tasks of %s in the sample complaints", formCase.taskKey(), formCase.user())
        .isNotEmpty();
    return found.get(0);
  }

  private static JsonNode formFile(String formId) throws IOException {
    try (InputStream in = new ClassPathResource("forms/" + formId + ".form").getInputStream()) {
      JsonNode form = new ObjectMapper().readTree(in);
      assertThat(form.path("id").asText()).as("the id of forms/%s.form", formId).isEqualTo(formId);
      return form;
    }
  }

  /** The form-js component of a key (searched through nested groups too). */
  private static JsonNode component(JsonNode form, String key) {
    List<JsonNode> matches = FormFields.of(form).stream().filter(field -> key.equals(field.get("key").asText()))
        .toList();
    assertThat(matches).as("components with key '%s' in form %s", key, form.path("id").asText()).hasSize(1);
    return matches.get(0);
  }

  // --- Tasklist ----------------------------------------------------------------------------------------------

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/" + ENGINE + "/";
  }

  private String taskUrl(Task task) {
    return tasklist() + "#/?task=" + task.getId();
  }

  private static String taskLink(Task task) {
    return "ol.tasks-list a[href='#/?task=" + task.getId() + "']";
  }

  /**
   * A fresh session: no cookies, no stored Tasklist state, then the login page. On a loaded machine Tasklist's
   * scripts sometimes take the click before the login form is wired; one more try tells that from a refusal.
   */
  private void login(String user) {
    if (!tryLogin(user)) {
      assertThat(tryLogin(user)).as("%s is not logged in to Tasklist (no filters shown); notifications: %s; console: %s",
          user, notifications(), consoleErrors()).isTrue();
    }
    User account = identityService.createUserQuery().userId(user).singleResult();
    assertThat(driver.findElement(By.cssSelector("li.account > a")).getText().trim())
        .as("the account menu after logging in as %s", user)
        .isEqualTo(account.getFirstName() + " " + account.getLastName());
  }

  private boolean tryLogin(String user) {
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    driver.executeCdpCommand("Storage.clearDataForOrigin",
        Map.of("origin", "http://localhost:" + port, "storageTypes", "all"));
    driver.get("about:blank"); // so the next URL loads the app again instead of only changing its #fragment
    driver.get(tasklist() + "#/login");
    consoleErrors(); // start each case with an empty console log

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    try {
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  private void focusFilter(String name) {
    By filter = By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.), '" + name + "')]");
    wait.until(ExpectedConditions.elementToBeClickable(filter)).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//div[contains(@class,'task-filter') and contains(@class,'active')]//h4/a[contains(normalize-space(.), '"
            + name + "')]")));
    // the list has loaded when it shows tasks or says that there are none
    wait.until(ExpectedConditions.or(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.tasks-list li.task")),
        ExpectedConditions.visibilityOfElementLocated(By.xpath(
            "//div[contains(@class,'well') and contains(normalize-space(.), 'No task matching filters found.')]"))));
  }

  private void openFromFilter(String filter, Task task) {
    focusFilter(filter);
    try {
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(taskLink(task)))).click();
    } catch (TimeoutException e) {
      fail("Task " + task.getName() + " (" + task.getId() + ") is not in the filter '" + filter + "'; listed: "
          + driver.findElements(By.cssSelector("ol.tasks-list h4 a")).stream().map(WebElement::getText).toList());
    }
  }

  /** Waits until form-js has rendered the task's form, or fails with what Tasklist and the console say. */
  private void awaitForm(Task task) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"),
        task.getName()));
    try {
      wait.until(ExpectedConditions.or(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form .fjs-form-field")),
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-form] .alert-danger")),
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page-notifications .alert-danger"))));
    } catch (TimeoutException e) {
      fail("No form rendered for " + task.getName() + " within " + TIMEOUT + "; notifications: " + notifications()
          + "; console: " + consoleErrors());
    }
    assertNoFailureShown();
    assertThat(driver.findElements(By.cssSelector(".fjs-form .fjs-form-field"))).as("rendered form-js fields")
        .anyMatch(WebElement::isDisplayed);
  }

  /** Claims the group task, as its user would before working on it; until then Tasklist disables the form. */
  /** Presses the form's Complete and waits until the task is done. */
  private void completeInTasklist(Task task) {
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space(.)='Complete']")));
    scrollTo(complete);
    complete.click();
    wait.until(ignored -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
  }

  private void claim() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("button.claim"), 0));
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[cam-tasklist-form] .disabled-form"), 0));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form .fjs-form-field")));
    assertNoFailureShown();
  }

  private void assertNoFailureShown() {
    List<String> failures = new ArrayList<>();
    for (WebElement alert : driver.findElements(By.cssSelector("[cam-tasklist-form] .alert-danger, "
        + ".page-notifications .alert-danger, .task-details .alert-danger"))) {
      if (alert.isDisplayed()) {
        failures.add(alert.getText());
      }
    }
    assertThat(failures).as("failures Tasklist shows (form failure, notifications)").isEmpty();
    assertThat(driver.findElement(By.tagName("body")).getText()).as("the Tasklist page")
        .doesNotContain("Form failure")
        .doesNotContainIgnoringCase("could not be loaded");
  }

  private static String notifications() {
    return driver.findElements(By.cssSelector(".page-notifications .alert, [cam-tasklist-form] .alert-danger"))
        .stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList().toString();
  }

  /** The browser console's errors since the last call (failed requests show up here with their status). */
  private static List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> !message.contains(IGNORED_CONSOLE_ERROR))
        .collect(Collectors.toList());
  }

  // --- form-js -----------------------------------------------------------------------------------------------

  /**
   * The visible control of a form field: form-js gives it the id {@code fjs-form-<instance>-<component id>},
   * a select its {@code -display}, each radio option {@code -<n>}.
   */
  private static WebElement field(JsonNode form, String key) {
    String componentId = component(form, key).path("id").asText();
    Pattern ownId = Pattern.compile("fjs-form-[^-]+-" + Pattern.quote(componentId) + "(-display|-\\d+)?");
    List<WebElement> controls = driver.findElements(By.cssSelector(".fjs-form [id*='-" + componentId + "']"))
        .stream()
        .filter(element -> ownId.matcher(element.getAttribute("id")).matches())
        .filter(WebElement::isDisplayed)
        .toList();
    assertThat(controls).as("visible controls of '%s' (%s) in form %s", key, componentId, form.path("id").asText())
        .isNotEmpty();
    return controls.get(0);
  }

  private static WebElement container(WebElement control) {
    return control.findElement(By.xpath(
        "ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]"));
  }

  private static void assertVisibleInputField(JsonNode form, String key) {
    JsonNode component = component(form, key);
    assertThat(component.path("disabled").asBoolean()).as("'%s' is an input of the form, not read-only", key)
        .isFalse();
    WebElement control = field(form, key);
    WebElement container = container(control);
    assertThat(container.getAttribute("class")).as("the field of '%s'", key).doesNotContain("fjs-disabled");
    if (List.of("input", "textarea").contains(control.getTagName())) {
      assertThat(control.isEnabled()).as("'%s' can be filled in", key).isTrue();
    }
    WebElement label = container.findElement(By.cssSelector(".fjs-form-field-label"));
    assertThat(label.isDisplayed()).as("the label of '%s'", key).isTrue();
    assertThat(label.getText().trim()).as("the label of '%s'", key).startsWith(component.path("label").asText());
  }

  private static void assertHandlersOfTheDepartmentAreOffered(JsonNode form) {
    WebElement display = field(form, "handler");
    scrollTo(display);
    display.click();
    List<String> offered = wait.until(driver -> {
      List<String> items = driver.findElements(By.cssSelector(".fjs-dropdownlist .fjs-dropdownlist-item")).stream()
          .filter(WebElement::isDisplayed).map(WebElement::getText).map(String::trim).toList();
      return items.isEmpty() ? null : items;
    });
    assertThat(offered).as("the handlers the lead of tech support may choose")
        .contains("Handler tech support (handler-tech)")
        .noneMatch(option -> option.contains("handler-design") || option.contains("handler-cs"));
  }

  private static void assertReachingTheUserAsksForTheirSatisfaction(JsonNode form) {
    String satisfactionId = component(form, "satisfaction").path("id").asText();
    By satisfaction = By.cssSelector(".fjs-form input[id$='-" + satisfactionId + "']");
    assertThat(driver.findElements(satisfaction)).as("the satisfaction field before the user is reached")
        .noneMatch(WebElement::isDisplayed);
    WebElement reached = field(form, "reached");
    scrollTo(reached);
    reached.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(satisfaction));
    assertVisibleInputField(form, "satisfaction");
    assertVisibleInputField(form, "comment");
    scrollTo(field(form, "comment"));
  }

  private static void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private static void screenshot(String name) throws IOException {
    if (browser != null) {
      browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
    }
  }
}
