package com.complaintdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The designer's test tables (processes/*.test.csv) and the decisions they test, from one folder: the
 * shipped processes/ on the classpath, or a copy a test has edited. Each row is a case: its inputs, and the
 * outputs the designer expects (columns {@code expect <output>}).
 */
final class DecisionTables {

  private static final String EXPECT = "expect ";
  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  record DecisionCase(String decisionKey, String name, String file, int line,
      Map<String, Object> inputs, Map<String, String> expected) {
  }

  private final String folder;
  private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
  private final Map<String, DmnDecision> decisions = new ConcurrentHashMap<>();

  /** @param folder a Spring resource location, e.g. {@code classpath*:processes/} or {@code file:/tmp/x/processes/} */
  DecisionTables(String folder) {
    this.folder = folder.endsWith("/") ? folder : folder + "/";
  }

  List<DecisionCase> cases() throws IOException {
    List<DecisionCase> cases = new ArrayList<>();
    for (Resource table : resources.getResources(folder + "*.test.csv")) {
      String file = table.getFilename();
      cases.addAll(readTable(table, file.substring(0, file.length() - ".test.csv".length())));
    }
    assertThat(cases).as("test tables in " + folder).isNotEmpty();
    return cases;
  }

  void assertExpectedOutputs(DecisionCase testCase) {
    DmnDecisionResult result = ENGINE.evaluateDecision(decision(testCase.decisionKey()), testCase.inputs());

    String where = testCase.file() + " line " + testCase.line() + " (" + testCase.name() + ")";
    // An all-empty expectation is how the designer writes "no rule matches, a human decides".
    if (testCase.expected().values().stream().allMatch(String::isEmpty)) {
      assertThat(result.getResultList()).as(where).isEmpty();
      return;
    }
    assertThat(result.getResultList()).as(where).hasSize(1);
    Map<String, Object> outputs = result.getSingleResult().getEntryMap();
    testCase.expected().forEach((output, expected) -> {
      assertThat(outputs).as(where).containsKey(output);
      Object actual = outputs.get(output);
      assertThat(actual == null ? "" : actual.toString()).as(where + ", output " + output).isEqualTo(expected);
    });
  }

  private static List<DecisionCase> readTable(Resource table, String decisionKey) throws IOException {
    String text;
    try (InputStream in = table.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // Spreadsheets like to save a byte order mark and Windows line endings.
    String[] lines = text.replace("\uFEFF", "").split("\r?\n");
    List<String> header = null;
    List<DecisionCase> cases = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> cells = parseCsvLine(line);
      if (header == null) {
        header = cells;
        continue;
      }
      String name = "";
      Map<String, Object> inputs = new LinkedHashMap<>();
      Map<String, String> expected = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        String column = header.get(c).trim();
        String cell = c < cells.size() ? cells.get(c) : "";
        if (column.equals("case")) {
          name = cell;
        } else if (column.startsWith(EXPECT)) {
          expected.put(column.substring(EXPECT.length()).trim(), cell);
        } else {
          inputs.put(column, toInputValue(cell));
        }
      }
      cases.add(new DecisionCase(decisionKey, name, table.getFilename(), i + 1, inputs, expected));
    }
    return cases;
  }

  private static Object toInputValue(String cell) {
    return switch (cell) {
      case "" -> null;
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> cell;
    };
  }

  // Quoting matters because cells such as "legal,complaint-managers" hold commas themselves.
  static List<String> parseCsvLine(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  // The decision key, not the file name, decides: complaint-response-time lives in complaint-priority.dmn.
  private DmnDecision decision(String decisionKey) {
    return decisions.computeIfAbsent(decisionKey, key -> {
      try {
        for (Resource model : resources.getResources(folder + "*.dmn")) {
          try (InputStream in = model.getInputStream()) {
            for (DmnDecision decision : ENGINE.parseDecisions(in)) {
              if (decision.getKey().equals(key)) {
                return decision;
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      throw new IllegalStateException("no " + folder + "*.dmn holds decision '" + key + "'");
    });
  }
}
