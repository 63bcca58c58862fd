package com.complaintdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.AxeCore;
import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.HeadlessChromium;
import com.complaintdesk.ProcessDriver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A complaint manager logs in and reads the dashboard in a real headless Chromium: every chart is drawn, the
 * headline names the department that misses the response deadline most and the stage where complaints wait
 * longest, the improvement actions and the manager's form to start one show, the page passes axe-core's WCAG 2.1 A/AA
 * rules; a screenshot goes to target/screenshots/staff/.
 */
@ComplaintDeskTest
@EnabledIf(value = "com.complaintdesk.HeadlessChromium#installedOrRequired",
    disabledReason = HeadlessChromium.DISABLED_REASON)
class DashboardBrowserTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots", "staff");
  private static final List<String> CHARTS = List.of("volume-by-category", "volume-by-channel", "hot-topics",
      "sla-by-department", "sla-by-week", "stage-times", "backlog", "satisfaction");

  private static HeadlessChromium browser;
  private static ChromeDriver driver;

  @LocalServerPort int port;
  @Autowired ProcessDriver process;
  @Autowired DashboardFigures figures;

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = HeadlessChromium.start(1400, 1000, "--lang=en-US");
    driver = browser.driver();
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  private static String label(String id) {
    String words = id.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  @Test
  void aManagerSeesWhichDepartmentMissesTheDeadlineMostAndWhereComplaintsWait() throws IOException {
    var late = process.submitAppCrash();
    process.advanceClock(late, Duration.ofDays(2));
    process.complete(late, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    process.complete(late, "ProposePlan", "handler-tech", Map.of("plan", "Fix the upload"));

    driver.get("http://localhost:" + port + "/staff/dashboard");
    browser.await().until(ExpectedConditions.urlContains("/staff/login"));
    driver.findElement(By.id("username")).sendKeys("manager");
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    // The login page's own <main> may still be found while the dashboard replaces it.
    browser.await().until(ExpectedConditions.urlContains("/staff/dashboard"));
    browser.await().ignoring(StaleElementReferenceException.class)
        .until(ExpectedConditions.attributeToBe(By.tagName("main"), "data-drawn", "true"));

    for (String chart : CHARTS) {
      assertThat(driver.executeScript("var c = Chart.getChart(document.getElementById(arguments[0]));"
          + " return c ? c.data.datasets.length : 0;", chart)).as("datasets drawn in %s", chart)
          .isNotEqualTo(0L);
    }
    // The suite's other complaints share the database: the page must name whichever department is worst.
    var shown = figures.of(DashboardApi.filter(null, null, null, null, null, null));
    var worst = shown.sla().byDepartment().stream()
        .filter(row -> !row.department().equals(DaySummaries.NONE) && row.responsePercent() != null)
        .min(java.util.Comparator.comparing(Dashboard.Compliance::responsePercent)).orElseThrow();
    String headline = driver.findElement(By.id("headline")).getText();
    assertThat(headline).contains("Misses the response deadline most: " + label(worst.department()) + ", "
        + String.format(java.util.Locale.ROOT, "%.1f", worst.responsePercent()) + " %", "Complaints wait longest in");
    assertThat(driver.findElements(By.cssSelector("#breaches tbody a"))).isNotEmpty()
        .allSatisfy(link -> assertThat(link.getAttribute("href")).matches(".*/staff/complaints/CD-\\w+/audit"));
    assertThat(driver.findElement(By.cssSelector("#departments tbody")).getText()).contains("Tech support");
    assertThat(driver.findElement(By.id("hot-topic-share")).getText()).contains("Hot topics that got an action");
    assertThat(driver.findElement(By.cssSelector("#improvements tbody")).getText()).isNotBlank();
    assertThat(driver.findElement(By.id("start-improvement")).isDisplayed()).as("the manager's start form").isTrue();
    browser.fullPageScreenshot(SCREENSHOTS.resolve("dashboard.png"));
    assertThat(AxeCore.violations(driver)).as("axe-core violations (WCAG 2.1 A/AA) on the dashboard").isEmpty();

    // the summary that task forms link to from their similar complaints, in the same session
    var complaint = process.submitAppCrash();
    driver.get("http://localhost:" + port + "/staff/complaints/" + complaint.trackingNumber() + "/summary");
    browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
        complaint.trackingNumber()));
    browser.fullPageScreenshot(SCREENSHOTS.resolve("complaint-summary.png"));
    assertThat(AxeCore.violations(driver)).as("axe-core violations (WCAG 2.1 A/AA) on a complaint's summary").isEmpty();
  }
}
