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
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Runs every row of the designer-maintained processes/*.test.csv tables against the DMN files,
 * so a designer can add a case in a spreadsheet without touching Java.
 */
class DecisionTableTest {

    private static final String EXPECT = "expect ";
    private static final DmnEngine ENGINE =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();
    private static final Map<String, DmnDecision> DECISIONS = new ConcurrentHashMap<>();

    record DecisionCase(String decisionKey, String name, String file, int line,
                        Map<String, Object> inputs, Map<String, String> expected) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisionCases")
    void decisionGivesTheExpectedOutputs(DecisionCase testCase) {
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

    static Stream<Arguments> decisionCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (Resource table : RESOURCES.getResources("classpath*:processes/*.test.csv")) {
            String file = table.getFilename();
            String decisionKey = file.substring(0, file.length() - ".test.csv".length());
            for (DecisionCase testCase : readTable(table, decisionKey)) {
                cases.add(Arguments.of(Named.of(decisionKey + ": " + testCase.name(), testCase)));
            }
        }
        assertThat(cases).as("test tables in processes/").isNotEmpty();
        return cases.stream();
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
    private static DmnDecision decision(String decisionKey) {
        return DECISIONS.computeIfAbsent(decisionKey, key -> {
            try {
                for (Resource model : RESOURCES.getResources("classpath*:processes/*.dmn")) {
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
            throw new IllegalStateException("no processes/*.dmn holds decision '" + key + "'");
        });
    }
}
