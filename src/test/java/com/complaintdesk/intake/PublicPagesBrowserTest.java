package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.AxeCore;
import com.complaintdesk.improvement.ImprovementActions;
import com.complaintdesk.improvement.Topic;
import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.HeadlessChromium;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The complainant's pages in a real headless Chromium with a phone-sized window (360 x 740 CSS pixels): the
 * user reaches every form field with the keyboard, files a complaint, follows the private link, answers the
 * survey, sees the errors of an empty form and switches to Chinese. Every page passes axe-core's WCAG 2.1 A
 * and AA rules and does not scroll sideways; a full-page screenshot of each goes to
 * {@code target/screenshots/public/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}, see {@link HeadlessChromium}.
 */
@ComplaintDeskTest
@EnabledIf(value = "com.complaintdesk.HeadlessChromium#installedOrRequired",
    disabledReason = HeadlessChromium.DISABLED_REASON)
class PublicPagesBrowserTest {

  private static final int PHONE_WIDTH = 360;
  private static final int PHONE_HEIGHT = 740;
  private static final Path SCREENSHOTS = Path.of("target", "screenshots", "public");
  private static final Pattern TRACKING_NUMBER = Pattern.compile("CD-[0-9A-Z]{10}");

  private static HeadlessChromium browser;
  private static ChromeDriver driver;
  private static WebDriverWait wait;

  @LocalServerPort
  int port;

  @Value("${complaint-desk.public-base-url}")
  String publicBaseUrl;

  @Autowired
  ProcessDriver process;

  @Autowired
  ComplaintRepository complaints;

  @Autowired
  ImprovementActions improvements;

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = HeadlessChromium.startPhone(PHONE_WIDTH, PHONE_HEIGHT, "--lang=en-US", "--accept-lang=en-US,en");
    driver = browser.driver();
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    wait = browser.await();
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  /** Each test is a new visitor: no language cookie, no session. */
  @BeforeEach
  void forgetTheLastVisitor() {
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  @Test
  void aComplainantFilesAComplaintFollowsThePrivateLinkAndAnswersTheSurvey() throws Exception {
    open("/");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(driver.executeScript("return window.innerWidth")).as("the window's width in CSS pixels")
        .isEqualTo((long) PHONE_WIDTH);
    checkPage("home");

    driver.findElement(By.linkText("File a complaint")).click();
    awaitHeading("File a complaint");
    checkPage("form");

    List<WebElement> tabStops = tabStops();
    new Select(reachableField("What is it about?", tabStops)).selectByVisibleText("Something does not work");
    reachableField("Subject", tabStops).sendKeys("The app crashes");
    reachableField("What happened?", tabStops).sendKeys("It crashes every time I upload a photo.");
    reachableField("Many users", tabStops).sendKeys(Keys.SPACE);
    reachableField("Your name", tabStops).sendKeys("Li Wei");
    reachableField("Email", tabStops).sendKeys("li.wei@example.org");
    reachableField("I agree to be contacted", tabStops).sendKeys(Keys.SPACE);
    WebElement send = driver.findElement(By.xpath("//button[normalize-space(.)='Send complaint']"));
    assertThat(tabStops).as("the elements Tab reaches on the form").contains(send);
    send.sendKeys(Keys.ENTER);

    WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
    var number = TRACKING_NUMBER.matcher(notice.getText());
    assertThat(number.find()).as("a tracking number in the confirmation: %s", notice.getText()).isTrue();
    String trackingNumber = number.group();
    assertThat(notice.getText()).contains("Thank you. Your complaint " + trackingNumber + " was received.");
    WebElement privateLink = notice.findElement(By.cssSelector(".link a"));
    String link = privateLink.getAttribute("href");
    assertThat(privateLink.getText()).as("the private link shown in full").isEqualTo(link);
    assertThat(link).startsWith(publicBaseUrl + "/complaints/" + trackingNumber + "?token=");
    checkPage("status-confirmation");
    var complaint = complaints.get(trackingNumber);
    assertThat(complaint.contact().email()).isEqualTo("li.wei@example.org");

    // the link names the public address of the app; the test's server listens on its own port
    String statusPath = link.substring(publicBaseUrl.length());
    driver.get("about:blank");
    open(statusPath);
    awaitHeading("Complaint " + trackingNumber);
    assertThat(driver.findElements(By.cssSelector(".notice"))).as("a one-time notice on a fresh visit").isEmpty();
    assertThat(text(".facts .status")).as("an online complaint is logged with its submission").isEqualTo("Logged");
    checkPage("status");

    driver.findElement(By.linkText("Withdraw this complaint")).click();
    awaitHeading("Withdraw complaint " + trackingNumber + "?");
    checkPage("withdraw-confirm");
    driver.findElement(By.linkText("No, keep it")).click();
    awaitHeading("Complaint " + trackingNumber);
    assertThat(complaints.get(trackingNumber).status()).as("keeping the complaint").isNotEqualTo(ComplaintStatus.WITHDRAWN);

    process.executeDueJobs(complaint);
    process.handleUntilResultSent(complaint);
    driver.navigate().refresh();
    WebElement survey = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.survey")));
    assertThat(survey.findElement(By.tagName("h2")).getText()).isEqualTo("How satisfied are you with the result?");
    checkPage("status-survey");

    tabStops = tabStops();
    reachableField("4, satisfied", tabStops).sendKeys(Keys.SPACE);
    reachableField("Comment", tabStops).sendKeys("Fixed quickly, thank you.");
    WebElement sendFeedback = driver.findElement(By.xpath("//button[normalize-space(.)='Send feedback']"));
    assertThat(tabStops).as("the elements Tab reaches on the status page").contains(sendFeedback);
    sendFeedback.sendKeys(Keys.ENTER);

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
        "Thank you for your feedback."));
    assertThat(driver.findElements(By.cssSelector("section.survey, form[action*='/survey']")))
        .as("the survey form after answering").isEmpty();
    assertThat(driver.findElement(By.id("main")).getText()).contains("Your answer: 4 of 5.");
    checkPage("status-survey-answered");
  }

  @Test
  void theStatusPageOfAComplaintAnImprovementIsAboutSaysSo() throws IOException {
    var complaint = process.submitAppCrash();
    improvements.start(new ImprovementActions.Start(Topic.of("FUNCTIONAL", "upload"), "TECH_SUPPORT",
        List.of(complaint.id()), "manager", null), Instant.now());

    open("/complaints/" + complaint.trackingNumber() + "?token=" + complaint.accessToken());
    awaitHeading("Complaint " + complaint.trackingNumber());
    assertThat(text(".improvement p")).isEqualTo(
        "Complaints like yours have led us to improve the platform: an improvement is under way.");
    checkPage("status-improvement");

    driver.findElement(By.xpath("//button[normalize-space(.)='Tell me by email when it is in place']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
        "We will tell you by email when the improvement is in place."));
    assertThat(text(".improvement .hint")).isEqualTo("We will tell you by email when it is in place.");
    checkPage("status-improvement-asked");
  }

  @Test
  void anEmptyFormShowsItsErrorsAndTheFirstErrorLinkLeadsToItsField() throws IOException {
    open("/complaints/new");
    awaitHeading("File a complaint");
    driver.findElement(By.xpath("//button[normalize-space(.)='Send complaint']")).click();

    WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-summary")));
    assertThat(driver.getTitle()).startsWith("Error: File a complaint");
    assertThat(driver.switchTo().activeElement()).as("the focus when the errors are shown").isEqualTo(summary);
    assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo("Please correct the following:");
    List<WebElement> links = summary.findElements(By.cssSelector("li a"));
    assertThat(links).as("the errors in the summary, in the order of the form").extracting(WebElement::getText)
        .containsExactly("Choose what the complaint is about.", "Write a subject.", "Describe what happened.",
            "Choose who is affected.");
    assertThat(text("#declaredType-error")).isEqualTo("Choose what the complaint is about.");
    assertThat(text("#subject-error")).isEqualTo("Write a subject.");
    assertThat(text("#description-error")).isEqualTo("Describe what happened.");
    assertThat(text("#affectedUsers-error")).isEqualTo("Choose who is affected.");
    for (String field : List.of("declaredType", "subject", "description")) {
      WebElement control = driver.findElement(By.id(field));
      assertThat(control.getAttribute("aria-invalid")).as("aria-invalid of %s", field).isEqualTo("true");
      assertThat(control.getAttribute("aria-describedby")).as("aria-describedby of %s", field)
          .contains(field + "-error");
    }
    checkPage("form-errors");

    links.get(0).sendKeys(Keys.ENTER);
    wait.until(driver -> "declaredType".equals(driver.switchTo().activeElement().getAttribute("id")));
    assertThat(driver.switchTo().activeElement().getTagName()).as("what the first error link focuses")
        .isEqualTo("select");
    browser.screenshot(SCREENSHOTS.resolve("form-errors-first-link-followed.png"));
  }

  @Test
  void theLanguageLinkSwitchesToChineseAndTheNextPageStaysChinese() throws IOException {
    open("/complaints/new");
    awaitHeading("File a complaint");
    WebElement switchLink = driver.findElement(By.cssSelector("header a.lang"));
    assertThat(switchLink.getText()).isEqualTo("中文");
    switchLink.click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("html[lang='zh-CN']")));
    awaitHeading("提交投诉");
    assertThat(driver.findElement(By.cssSelector("label[for='subject']")).getText()).startsWith("标题");
    assertThat(driver.findElement(By.cssSelector("header a.lang")).getText()).isEqualTo("English");
    checkPage("form-zh");

    driver.findElement(By.cssSelector("header a.brand")).click();
    awaitHeading("投诉与反馈");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    checkPage("home-zh");
  }

  @Test
  void aWrongLinkShowsTheNotFoundPage() throws IOException {
    var complaint = process.submitWebComplaint("FUNCTIONAL", "The app crashes", "It crashes on upload",
        AffectedUsers.MANY);
    open("/complaints/" + complaint.trackingNumber() + "?token=not-the-token");
    awaitHeading("We cannot find this complaint");
    assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("It crashes on upload");
    checkPage("not-found");
  }

  // --- navigating ------------------------------------------------------------------------------------------

  private void open(String path) {
    driver.get("http://localhost:" + port + path);
  }

  private static void awaitHeading(String heading) {
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
  }

  private static String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  /** The elements that Tab reaches from the top of the freshly loaded page, in order. */
  private static List<WebElement> tabStops() {
    List<WebElement> stops = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
      WebElement focused = driver.switchTo().activeElement();
      if ("body".equals(focused.getTagName()) || stops.contains(focused)) {
        return stops;
      }
      stops.add(focused);
    }
    return stops;
  }

  /**
   * The form control whose label starts with {@code label}, as a user of the keyboard finds it: Tab reaches
   * it (or, for a radio button, its group).
   */
  private static WebElement reachableField(String label, List<WebElement> tabStops) {
    List<WebElement> labels = driver.findElements(
        By.xpath("//label[starts-with(normalize-space(.), '" + label + "')]"));
    assertThat(labels).as("labels starting with '%s'", label).hasSize(1);
    String id = labels.get(0).getAttribute("for");
    assertThat(id).as("the control the label '%s' is for", label).isNotBlank();
    WebElement control = driver.findElement(By.id(id));
    assertThat(control.isDisplayed() && control.isEnabled()).as("'%s' can be filled in", label).isTrue();
    boolean radio = "radio".equals(control.getAttribute("type"));
    assertThat(tabStops).as("the elements Tab reaches, looking for '%s'", label)
        .anyMatch(stop -> stop.equals(control) || radio && "radio".equals(stop.getAttribute("type"))
            && control.getAttribute("name").equals(stop.getAttribute("name")));
    return control;
  }

  // --- checking a page -------------------------------------------------------------------------------------

  /** Screenshot, no sideways scrolling at phone width, no axe-core violation of WCAG 2.1 A/AA. */
  private static void checkPage(String name) throws IOException {
    browser.fullPageScreenshot(SCREENSHOTS.resolve(name + ".png"));
    long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
    long innerWidth = (Long) driver.executeScript("return window.innerWidth");
    assertThat(scrollWidth).as("the width of page '%s' (window %s px): it must not scroll sideways", name,
        innerWidth).isLessThanOrEqualTo(innerWidth).isLessThanOrEqualTo(PHONE_WIDTH);
    assertThat(AxeCore.violations(driver)).as("axe-core violations (WCAG 2.1 A/AA) on page '%s'", name).isEmpty();
  }
}
