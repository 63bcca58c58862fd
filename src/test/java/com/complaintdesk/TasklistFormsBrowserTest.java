package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Exploration draft. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "complaint-desk.demo.sample-complaints=true")
@ActiveProfiles("test")
class TasklistFormsBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static ChromeDriver driver;
  private static Path profile;

  @LocalServerPort
  int port;

  @Autowired
  TaskService taskService;

  @BeforeAll
  static void startBrowser() throws IOException {
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    profile = Files.createTempDirectory("tasklist-browser-test");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,1000", "--user-data-dir=" + profile);
    var logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(Arguments.of("agent", "LogComplaint"), Arguments.of("lead-tech", "AssignHandler"),
        Arguments.of("handler-cs", "FollowUpCall"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void explore(String user, String taskKey) throws Exception {
    Task task = taskService.createTaskQuery().taskDefinitionKey(taskKey).or().taskAssignee(user)
        .taskCandidateUser(user).endOr().singleResult();
    String base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    driver.get("about:blank");
    driver.manage().deleteAllCookies();
    driver.get(base + "#/login");
    var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    driver.get("about:blank");
    driver.get(base + "#/?task=" + task.getId());
    try {
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    } catch (Exception e) {
      System.err.println("NO FORM " + e);
    }
    Files.createDirectories(Path.of("target/explore"));
    Files.writeString(Path.of("target/explore/" + taskKey + ".html"), driver.getPageSource());
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target/explore/" + taskKey + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      System.err.println("CONSOLE " + entry);
    }
  }
}
