package com.complaintdesk;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromium-driver}, offline,
 * with a throw-away profile and the browser console recorded.
 *
 * <p>A browser test class is {@code @EnabledIf("com.complaintdesk.HeadlessChromium#installedOrRequired")}: it
 * is skipped (before any Spring context starts) without the browser, unless {@code -Dbrowser.tests.required=true}
 * (or {@code BROWSER_TESTS_REQUIRED=true}) makes {@link #start} fail instead.
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final String DISABLED_REASON =
      "no /usr/bin/chromium or /usr/bin/chromedriver (apt-get install chromium chromium-driver)";
  /** Debian's packages; {@code -Dbrowser.chromium=...} / {@code -Dbrowser.chromedriver=...} for other places. */
  private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, TIMEOUT);
    this.profile = profile;
  }

  /** For {@code @EnabledIf}: run when the browser is there, or when browser tests are required (and then fail). */
  public static boolean installedOrRequired() {
    return installed() || required();
  }

  private static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  private static boolean required() {
    return Boolean.getBoolean("browser.tests.required")
        || "true".equalsIgnoreCase(System.getenv("BROWSER_TESTS_REQUIRED"));
  }

  /** Starts the browser with a desktop window of {@code width} x {@code height} CSS pixels and any further switches. */
  public static HeadlessChromium start(int width, int height, String... arguments) throws IOException {
    var options = new ChromeOptions();
    options.addArguments("--window-size=" + width + "," + height);
    options.addArguments(arguments);
    return start(options);
  }

  /**
   * Starts the browser as a phone (touch, device pixel ratio 2) whose screen is {@code width} x {@code height}
   * CSS pixels: narrower than the smallest window headless Chromium opens (500 pixels).
   */
  public static HeadlessChromium startPhone(int width, int height, String... arguments) throws IOException {
    var options = new ChromeOptions();
    options.setExperimentalOption("mobileEmulation",
        Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0)));
    options.addArguments(arguments);
    return start(options);
  }

  private static HeadlessChromium start(ChromeOptions options) throws IOException {
    if (!installed()) {
      fail("Browser tests are required (browser.tests.required=true / BROWSER_TESTS_REQUIRED=true) but " + CHROMIUM
          + " or " + CHROMEDRIVER + " is missing: apt-get install chromium chromium-driver");
    }
    // Never let Selenium Manager look for (or download) a browser or driver: there is no internet here.
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory("browser-test");
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile);
    var logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new HeadlessChromium(new ChromeDriver(service, options), profile);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Waits up to 30 seconds. */
  public WebDriverWait await() {
    return wait;
  }

  /** What the window shows now. */
  public void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  /** The whole page, however far it scrolls, at the window's width (in device pixels). */
  public void fullPageScreenshot(Path file) throws IOException {
    @SuppressWarnings("unchecked")
    var content = (Map<String, Number>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
        .get("cssContentSize");
    var clip = Map.of("x", 0, "y", 0, "width", content.get("width"), "height", content.get("height"), "scale", 1);
    var shot = driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }
}
