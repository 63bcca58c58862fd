package com.complaintdesk.classification;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every row of the designer-maintained processes/*.test.csv tables against the DMN files,
 * so a designer can add a case in a spreadsheet without touching Java.
 */
class DecisionTableTest {

  private static final DecisionTables SHIPPED = new DecisionTables("classpath*:processes/");

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionCases")
  void decisionGivesTheExpectedOutputs(DecisionTables.DecisionCase testCase) {
    SHIPPED.assertExpectedOutputs(testCase);
  }

  static Stream<Arguments> decisionCases() throws IOException {
    return SHIPPED.cases().stream()
        .map(testCase -> Arguments.of(Named.of(testCase.decisionKey() + ": " + testCase.name(), testCase)));
  }
}
