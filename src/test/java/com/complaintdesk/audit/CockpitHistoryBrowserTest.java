package com.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The auditors' Cockpit plugins in a real headless Chromium: the auditor finds the sample complaint that was closed
 * after a missed response deadline and a reopening in the History tab of complaint-handling, opens its instance
 * history page and reads the path it took (AssignHandler passed twice, the reopening once), its fired deadline
 * timer, its priority decision and its missed deadline, without any contact detail of the complainant on the page.
 * An intake agent (no Cockpit access) gets neither into Cockpit nor the plugins' API; in a Chinese browser Cockpit
 * and the plugins speak Chinese.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (see {@link HeadlessChromium}). Screenshots go to
 * {@code target/screenshots/cockpit-*.png}; with {@code -Ddocs.screenshots=true} the instance page's replaces
 * {@code docs/cockpit-history.png}, the picture in the README.
 */
// An engine name of its own: the webapps find engines by name in one JVM-wide registry (see TasklistFormsBrowserTest).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "complaint-desk.demo.sample-complaints=true",
    "camunda.bpm.process-engine-name=" + CockpitHistoryBrowserTest.ENGINE})
@ActiveProfiles("test")
@EnabledIf(value = "com.complaintdesk.HeadlessChromium#installedOrRequired",
    disabledReason = HeadlessChromium.DISABLED_REASON)
class CockpitHistoryBrowserTest {

  static final String ENGINE = "cockpitHistoryBrowserTest";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /**
   * The screenshot the README shows: its tracking number and times change with every run, so it is replaced only
   * on request ({@code -Ddocs.screenshots=true}), not whenever the tests run.
   */
  private static final Path DOCS_SCREENSHOT = Path.of("docs", "cockpit-history.png");
  private static final String UPDATE_DOCS = "docs.screenshots";
  private static final int WIDTH = 1400;
  private static final int HEIGHT = 1000;
  /** The window height that shows the instance page down to its timers. */
  private static final int README_HEIGHT = 1400;
  private static final String PASSWORD = "demo";
  private static final String PROCESS = "complaint-handling";
  /** The sample complaint's complainant (SampleComplaints#closedAfterAMissedDeadlineAndAReopen). */
  private static final String CONTACT_NAME = "Huang Lei";
  private static final String CONTACT_EMAIL = "huang.lei@example.org";
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
  /**
   * Console errors of Cockpit itself that occur without our plugins, and only these: its login page asks for the
   * "first visit" box the app does not serve, and its process definition page asks for the definitions of a key
   * without maxResults, which the engine's query-max-results-limit refuses (400) for anybody but administrators.
   */
  private static final List<Pattern> COCKPITS_OWN_ERRORS = List.of(
      Pattern.compile("^\\S+/camunda-welcome - Failed to load resource: the server responded with a status of 404 "),
      Pattern.compile("^\\S+/camunda/api/engine/engine/" + ENGINE + "/process-definition\\?key=[\\w-]+&"
          + "(?![^ ]*maxResults)[^ ]* - Failed to load resource: the server responded with a status of 400 "));

  /** Cockpit's header link to the processes. */
  private static final String PROCESSES_LINK = ".sections-menu a[href='#/processes']";

  private static HeadlessChromium browser;
  private static ChromeDriver driver;
  private static WebDriverWait wait;

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  JdbcClient jdbc;

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = HeadlessChromium.start(WIDTH, HEIGHT, "--lang=en-US");
    driver = browser.driver();
    wait = browser.await();
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theAuditorReadsThePathTimersDecisionAndMissedDeadlineOfAClosedComplaint() throws IOException {
    String trackingNumber = closedSampleComplaint();
    List<String> console = new ArrayList<>();
    try {
      login(driver, wait, "auditor");
      openHistoryTab(driver, wait, "History", console);
      screenshot(driver, "cockpit-history-tab");

      WebElement search = driver.findElement(By.id("cd-tracking-number"));
      search.sendKeys(trackingNumber);
      driver.findElement(By.cssSelector(".cd-filter button.cd-search")).click();
      // the first page of all instances was there before: wait for the one the search finds
      wait.until(ExpectedConditions.textMatches(By.cssSelector(".cd-results .cd-count"), Pattern.compile(" of 1$")));
      List<WebElement> rows = driver.findElements(By.cssSelector(".cd-instances tbody tr"));
      assertThat(rows).as("instances found by tracking number %s", trackingNumber).hasSize(1);
      WebElement row = rows.get(0);
      assertThat(row.findElement(By.cssSelector("a.cd-open")).getText()).isEqualTo(trackingNumber);
      assertThat(row.findElement(By.cssSelector("td.cd-end-state")).getText()).isEqualTo("Closed");
      assertThat(row.findElements(By.cssSelector(".label-danger"))).as("the breached label")
          .extracting(WebElement::getText).containsExactly("breached");
      screenshot(driver, "cockpit-history-search");

      row.findElement(By.cssSelector("a.cd-open")).click();
      awaitInstancePage(driver, wait);
      assertThat(driver.findElement(By.cssSelector(".cd-instance-history h2")).getText())
          .isEqualTo("History of complaint " + trackingNumber);
      assertThat(driver.findElement(By.cssSelector(".cd-instance-history .cd-end-state")).getText())
          .isEqualTo("Closed");
      assertThat(badge("AssignHandler")).as("times AssignHandler was passed").isEqualTo("2");
      assertThat(badge("ReopenComplaint")).as("times ReopenComplaint was passed").isEqualTo("1");
      screenshot(driver, "cockpit-instance-history");
      browser.fullPageScreenshot(SCREENSHOTS.resolve("cockpit-instance-history-full.png"));

      openTab("timers");
      // The response deadline's timer fired in the first round; the reopening started a new one, cancelled at the end.
      List<WebElement> deadlineTimers = driver.findElements(By.cssSelector(
          ".cd-tab-panel[data-tab=timers] tr[data-activity=ResponseDeadlinePassed]"));
      assertThat(deadlineTimers).as("the response deadline's timers")
          .extracting(timer -> timer.getAttribute("data-state"))
          .contains("FIRED");
      WebElement fired = driver.findElement(By.cssSelector(
          ".cd-tab-panel[data-tab=timers] tr[data-activity=ResponseDeadlinePassed][data-state=FIRED]"));
      assertThat(fired.getText()).contains("Response deadline passed", "after due", "fired");
      screenshot(driver, "cockpit-instance-timers");

      openTab("decisions");
      WebElement decision = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
          ".cd-tab-panel[data-tab=decisions] .cd-decision[data-decision=complaint-priority]")));
      assertThat(cells(decision, ".cd-inputs tbody td")).as("the inputs of complaint-priority").contains("MANY");
      assertThat(cells(decision, ".cd-outputs tbody td")).as("the outputs of complaint-priority").contains("HIGH");
      String matchedRules = decision.findElement(By.xpath(
          ".//dl[contains(@class,'cd-facts')]/dt[.='Matched rules']/following-sibling::dd[1]")).getText();
      assertThat(matchedRules).as("the matched rules of complaint-priority").isNotBlank()
          .isNotEqualTo("no rule matched");
      screenshot(driver, "cockpit-instance-decisions");

      openTab("complaint");
      WebElement breaches = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
          ".cd-tab-panel[data-tab=complaint] table.cd-breaches")));
      assertThat(cells(breaches, "tbody td")).as("the missed deadlines").contains("RESPONSE");
      screenshot(driver, "cockpit-instance-complaint");

      for (String tab : List.of("activities", "variables", "incidents", "operations")) {
        openTab(tab);
      }
      assertNoContactDetails(trackingNumber);
      console.addAll(consoleErrors(driver));
      assertNoErrorsButCockpitsOwn(console);

      // The picture for the README: the facts, the diagram with the path taken and the open Timers tab. The page
      // scrolls inside Cockpit's container (a full-page screenshot shows the window only): a taller window does.
      openTab("timers");
      driver.manage().window().setSize(new Dimension(WIDTH, README_HEIGHT));
      driver.executeScript("document.querySelector('.cd-instance-history').scrollTop = 0;");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
          ".cd-tab-panel[data-tab=timers] tr[data-state=FIRED]")));
      assertThat(badge("ReopenComplaint")).isEqualTo("1");
      screenshot(driver, "cockpit-history");
      if (Boolean.getBoolean(UPDATE_DOCS)) {
        Files.copy(SCREENSHOTS.resolve("cockpit-history.png"), DOCS_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      screenshot(driver, "cockpit-auditor-last");
      driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    }
  }

  @Test
  void anIntakeAgentGetsNeitherIntoCockpitNorItsHistoryApi() throws IOException {
    String instances = "/camunda/complaint-desk/api/process-definitions/" + latestDefinition().getId() + "/instances";
    try {
      assertThat(tryLogin(driver, wait, "agent")).as("the agent logged in to Cockpit").isFalse();
      assertThat(driver.getCurrentUrl()).as("where Cockpit leaves the agent").endsWith("#/login");
      WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
          ".page-notifications .alert-danger")));
      assertThat(error.getText()).contains("Login Failed");
      assertThat(driver.findElements(By.cssSelector(PROCESSES_LINK))).as("Cockpit's navigation").isEmpty();
      screenshot(driver, "cockpit-agent-refused");

      driver.get(base() + instances);
      assertThat(driver.findElement(By.tagName("body")).getText()).as("the API's answer to the agent's browser")
          .contains("Log in to Cockpit first").doesNotContain("trackingNumber");
      assertThat(get(instances)).as("the API's answer to the agent's browser")
          .containsEntry("status", 401L).hasEntrySatisfying("body", body -> assertThat((String) body)
              .contains("Log in to Cockpit first"));
      screenshot(driver, "cockpit-agent-api");

      // Logged in to Tasklist, which the agent may use, the session still opens no Cockpit plugin API.
      driver.get(base() + "/camunda/app/tasklist/" + ENGINE + "/#/login");
      // Tasklist may render its login form anew while the keys go in: type into the form as it stands at the end.
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='password']")));
      wait.until(driver -> {
        WebElement username = driver.findElement(By.cssSelector("input[ng-model='username']"));
        WebElement password = driver.findElement(By.cssSelector("input[ng-model='password']"));
        username.clear();
        username.sendKeys("agent");
        password.clear();
        password.sendKeys(PASSWORD);
        return "agent".equals(username.getAttribute("value")) && PASSWORD.equals(password.getAttribute("value"));
      });
      driver.findElement(By.cssSelector("button[type='submit']")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
      assertThat(get(instances)).as("the API's answer to the agent logged in to Tasklist")
          .containsEntry("status", 401L).hasEntrySatisfying("body", body -> assertThat((String) body)
              .contains("Log in to Cockpit first").doesNotContain("trackingNumber"));
    } finally {
      screenshot(driver, "cockpit-agent-last");
    }
  }

  @Test
  void inAChineseBrowserCockpitAndThePluginsSpeakChinese() throws IOException {
    String trackingNumber = closedSampleComplaint();
    // Headless Chromium ignores --lang (navigator.language stays en-US); --accept-lang sets the languages it sends
    // and reports, as the intl.accept_languages preference of a profile would.
    HeadlessChromium chinese = HeadlessChromium.start(WIDTH, HEIGHT, "--lang=zh-CN", "--accept-lang=zh-CN,zh");
    ChromeDriver zhDriver = chinese.driver();
    WebDriverWait zhWait = chinese.await();
    try {
      zhDriver.get("about:blank");
      assertThat((String) zhDriver.executeScript("return navigator.language")).as("the browser's language")
          .startsWith("zh");
      login(zhDriver, zhWait, "auditor");
      WebElement processes = zhWait.until(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector(PROCESSES_LINK)));
      assertThat(processes.getText().trim()).as("Cockpit's header link to the processes").isEqualTo("流程");

      List<String> console = new ArrayList<>();
      openHistoryTab(zhDriver, zhWait, "历史", console);
      zhDriver.findElement(By.id("cd-tracking-number")).sendKeys(trackingNumber);
      zhDriver.findElement(By.cssSelector(".cd-filter button.cd-search")).click();
      zhWait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".cd-instances tbody tr"), 1));
      assertThat(zhDriver.findElement(By.cssSelector(".cd-instances td.cd-end-state")).getText()).isEqualTo("已关闭");
      screenshot(zhDriver, "cockpit-zh-history-tab");

      zhDriver.findElement(By.cssSelector(".cd-instances a.cd-open")).click();
      awaitInstancePage(zhDriver, zhWait);
      assertThat(zhDriver.findElement(By.cssSelector(".cd-instance-history h2")).getText())
          .isEqualTo("投诉 " + trackingNumber + " 的历史");
      assertThat(zhDriver.findElement(By.cssSelector(PROCESSES_LINK)).getText().trim())
          .isEqualTo("流程");
      console.addAll(consoleErrors(zhDriver));
      assertNoErrorsButCockpitsOwn(console);
    } finally {
      screenshot(zhDriver, "cockpit-zh-instance-history");
      chinese.close();
    }
  }

  // --- the app and its data --------------------------------------------------------------------------------

  /**
   * The tracking number of SampleComplaints#closedAfterAMissedDeadlineAndAReopen: the demo's history of complaints
   * (ComplaintHistory) has closed and reopened complaints too, but without a process instance.
   */
  private String closedSampleComplaint() {
    List<String> found = jdbc.sql("select tracking_number from complaint where status = 'CLOSED' and reopen_count = 1"
        + " and process_instance_id is not null").query(String.class).list();
    assertThat(found).as("closed and once reopened sample complaints with a process instance").hasSize(1);
    return found.get(0);
  }

  private ProcessDefinition latestDefinition() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion()
        .singleResult();
  }

  // --- Cockpit -----------------------------------------------------------------------------------------------

  private String base() {
    return "http://localhost:" + port;
  }

  private String cockpit() {
    return base() + "/camunda/app/cockpit/" + ENGINE + "/";
  }

  private void login(ChromeDriver browser, WebDriverWait until, String user) {
    if (!tryLogin(browser, until, user)) {
      // On a loaded machine Cockpit's scripts sometimes take the click before the login form is wired.
      assertThat(tryLogin(browser, until, user)).as("%s is not logged in to Cockpit; console: %s", user,
          consoleErrors(browser)).isTrue();
    }
  }

  /** A fresh session (no cookies, no stored state), then Cockpit's login form; true once the dashboard shows. */
  private boolean tryLogin(ChromeDriver browser, WebDriverWait until, String user) {
    browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    browser.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base(), "storageTypes", "all"));
    browser.get("about:blank"); // so the next URL loads the app again instead of only changing its #fragment
    browser.get(cockpit() + "#/login");
    consoleErrors(browser); // start with an empty console log

    until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    try {
      until.until(ExpectedConditions.or(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector(PROCESSES_LINK)),
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger"))));
      return browser.findElements(By.cssSelector(PROCESSES_LINK)).stream()
          .anyMatch(WebElement::isDisplayed);
    } catch (TimeoutException e) {
      return false;
    }
  }

  /** The process definition page of complaint-handling's latest version, its History tab (our plugin) open. */
  private void openHistoryTab(ChromeDriver browser, WebDriverWait until, String label, List<String> console) {
    browser.get(cockpit() + "#/process-definition/" + latestDefinition().getId() + "/runtime");
    By tab = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='" + label + "']");
    until.until(ExpectedConditions.elementToBeClickable(tab)).click();
    until.until(ExpectedConditions.visibilityOfElementLocated(By.id("cd-tracking-number")));
    // the first page of instances has loaded (or failed)
    until.until(ExpectedConditions.or(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cd-results .cd-instances")),
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cd-results .cd-none")),
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cd-results .cd-problem"))));
    assertThat(browser.findElements(By.cssSelector(".cd-problem"))).as("problems the History tab shows")
        .extracting(WebElement::getText).isEmpty();
    console.addAll(consoleErrors(browser));
  }

  /** The instance history page with its diagram drawn (bpmn-js), or fails with what the page says. */
  private static void awaitInstancePage(ChromeDriver browser, WebDriverWait until) {
    until.until(ExpectedConditions.urlContains("#/complaint-history/"));
    until.until(ExpectedConditions.or(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".cd-diagram[data-drawn='true']")),
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".cd-instance-history .cd-problem")),
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".cd-diagram .alert-warning"))));
    assertThat(browser.findElements(By.cssSelector(".cd-instance-history .cd-problem, .cd-diagram .alert-warning")))
        .as("problems the instance history page shows").extracting(WebElement::getText).isEmpty();
  }

  /** A GET from the page, with its session cookie, as the plugins make it: the status and the body. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> get(String path) {
    return (Map<String, Object>) driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin', headers: {Accept: 'application/json'}})
          .then(response => response.text().then(body => done({status: response.status, body})))
          .catch(error => done({status: -1, body: String(error)}));""", path);
  }

  /**
   * The badge of an element of the diagram: diagram-js hides the overlays while the view box changes and shows
   * them again 300 ms after the last change (canvas.viewbox.changed), i.e. shortly after the diagram is drawn.
   */
  private static String badge(String activityId) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
        ".cd-diagram .cd-count-badge[data-activity='" + activityId + "']"))).getText().trim();
  }

  /** Opens a tab of the instance history page and waits until its panel shows. */
  private static void openTab(String id) {
    driver.findElement(By.cssSelector("a[data-tab-link='history-" + id + "']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cd-tab-panel[data-tab='" + id + "']")));
    wait.until(ExpectedConditions.numberOfElementsToBe(
        By.cssSelector(".cd-tab-panel[data-tab='" + id + "'] .cd-loading"), 0));
    // the tabs at the top of the page's scroll area, so that a screenshot shows the open panel
    driver.executeScript("arguments[0].scrollIntoView({block: 'start'});",
        driver.findElement(By.cssSelector(".cd-instance-history .cd-tabs")));
  }

  private static List<String> cells(WebElement scope, String css) {
    return scope.findElements(By.cssSelector(css)).stream().map(WebElement::getText).map(String::trim).toList();
  }

  /** Neither the body text nor any rendered tab (shown or hidden) holds the complainant's contact details. */
  private static void assertNoContactDetails(String trackingNumber) {
    String body = driver.findElement(By.tagName("body")).getText();
    String everything = (String) driver.executeScript("return document.body.textContent");
    for (String text : List.of(body, everything)) {
      assertThat(text).as("the instance history page of %s", trackingNumber)
          .contains(trackingNumber)
          .doesNotContain(CONTACT_NAME)
          .doesNotContainIgnoringCase(CONTACT_EMAIL)
          .doesNotContain("example.org");
      assertThat(EMAIL.matcher(text).results().map(match -> match.group()).toList())
          .as("email addresses on the instance history page").isEmpty();
    }
  }

  /** The browser console's errors since the last call (failed requests show up here with their status). */
  private static List<String> consoleErrors(ChromeDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  private static void assertNoErrorsButCockpitsOwn(List<String> console) {
    assertThat(console.stream()
        .filter(error -> COCKPITS_OWN_ERRORS.stream().noneMatch(own -> own.matcher(error).find())))
        .as("errors in the browser console (all: %s)", console).isEmpty();
    assertThat(console).as("errors of our plugins, their API or the webjars they load")
        .noneMatch(error -> error.contains("/camunda/complaint-desk/") || error.contains("/webjars/"));
  }

  private static void screenshot(ChromeDriver browser, String name) throws IOException {
    if (browser != null) {
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.createDirectories(file.getParent());
      Files.write(file, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
  }
}
