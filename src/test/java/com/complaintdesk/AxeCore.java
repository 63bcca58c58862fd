package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.core.io.ClassPathResource;

/** The accessibility checker the browser tests run on each page: axe-core's WCAG 2.1 A and AA rules. */
public final class AxeCore {

  private static final String VERSION = "4.6.3";
  private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  /** WCAG 2.1 rules that axe-core still calls experimental and runs only when asked (2.5.3 label in name). */
  private static final Map<String, Map<String, Boolean>> EXPERIMENTAL_WCAG_21_RULES =
      Map.of("label-content-name-mismatch", Map.of("enabled", true));
  private static final String SCRIPT = read();

  private AxeCore() {
  }

  private static String read() {
    try (InputStream in = new ClassPathResource(
        "META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("axe-core is a test dependency (org.webjars.npm:axe-core)", e);
    }
  }

  /** axe-core's violations on the browser's current page, one readable line each: rule, impact, help, nodes. */
  public static List<String> violations(ChromeDriver driver) throws IOException {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
      driver.executeScript(SCRIPT);
    }
    String result = (String) driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: arguments[0], rules: arguments[1]})
          .then(results => done(JSON.stringify(results.violations)))
          .catch(error => done(JSON.stringify({error: String(error)})));
        """, WCAG_21_AA, EXPERIMENTAL_WCAG_21_RULES);
    JsonNode violations = new ObjectMapper().readTree(result);
    assertThat(violations.path("error").isMissingNode()).as("axe-core ran: %s", result).isTrue();
    List<String> found = new ArrayList<>();
    for (JsonNode violation : violations) {
      for (JsonNode node : violation.path("nodes")) {
        found.add(violation.path("id").asText() + " (" + violation.path("impact").asText() + "): "
            + violation.path("help").asText() + " at " + node.path("target") + ": "
            + node.path("failureSummary").asText().replace('\n', ' '));
      }
    }
    return found;
  }
}
