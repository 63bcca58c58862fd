package com.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Cockpit in Chinese stays complete: our zh.json has every label of the Cockpit it ships with (a Camunda upgrade
 * that adds labels fails here until they are translated), with the same placeholders, and our plugins have a
 * Chinese word for every English one.
 */
class CockpitTranslationsTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/cockpit/locales/";
  private static final String PLUGINS = "META-INF/resources/webjars/camunda/app/cockpit/scripts/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theChineseCockpitHasEveryLabelOfTheEnglishWithItsPlaceholders() throws IOException {
    Map<String, String> english = labels("en.json");
    Map<String, String> chinese = labels("zh.json");

    assertThat(chinese.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
    List<String> broken = new ArrayList<>();
    english.forEach((key, text) -> {
      if (!placeholders(text).equals(placeholders(chinese.get(key)))) {
        broken.add(key);
      }
    });
    assertThat(broken).as("labels whose {{placeholders}} differ from the English").isEmpty();
  }

  @Test
  void cockpitOffersChineseAndLoadsOurPlugins() throws IOException {
    String config = text(PLUGINS + "config.js");

    assertThat(config).contains("customScripts: ['scripts/complaint-desk/plugins.js']")
        .containsPattern("availableLocales: \\[[^]]*'zh'");
  }

  @Test
  void thePluginsHaveAChineseWordForEveryEnglishOne() throws IOException {
    String words = text(PLUGINS + "complaint-desk/i18n.js");

    List<String> english = keys(words, "const EN = {");
    assertThat(english).hasSizeGreaterThan(50);
    assertThat(keys(words, "const ZH = {")).containsExactlyElementsOf(english);
  }

  private Map<String, String> labels(String file) throws IOException {
    String content = text(LOCALES + file);
    JsonNode labels = json.readTree(content.startsWith("\uFEFF") ? content.substring(1) : content).get("labels");
    Map<String, String> byKey = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = labels.fields(); fields.hasNext(); ) {
      var field = fields.next();
      byKey.put(field.getKey(), field.getValue().asText());
    }
    return byKey;
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replace(" ", ""));
    }
    return found.stream().sorted().toList();
  }

  /** The keys of one dictionary object of i18n.js, in order. */
  private static List<String> keys(String script, String start) {
    String block = script.substring(script.indexOf(start) + start.length());
    block = block.substring(0, block.indexOf("\n};"));
    List<String> keys = new ArrayList<>();
    Matcher key = Pattern.compile("(?m)^\\s+(\\w+):").matcher(block);
    while (key.find()) {
      keys.add(key.group(1));
    }
    return keys;
  }

  private static String text(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
