package com.complaintdesk.modelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Every decision a business rule task calls exists; every decision table has its test table beside it; every
 * row of it gives what it expects; and every rule is the one that decides at least one row (a rule no row
 * reaches is untested, or shadowed by an earlier rule of a FIRST table).
 */
final class DecisionRule implements ModelRule {

  private final CheckEngine engine;

  /** Runs after DeploymentRule, whose deployments it evaluates the way the app does. */
  DecisionRule(CheckEngine engine) {
    this.engine = engine;
  }

  /** A deployed decision and the DMN file that describes it. */
  private record Parsed(String file, Decision model) {

    boolean isTable() {
      return model.getExpression() instanceof DecisionTable;
    }
  }

  @Override
  public List<Problem> check(Models models) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Parsed> decisions = deployedDecisions(models);
    models.bpmn.forEach((file, model) -> {
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        String key = task.getCamundaDecisionRef();
        if (key != null && !decisions.containsKey(key)) {
          problems.add(new Problem(file, task.getId(), "calls the decision '" + key + "', which no processes/*.dmn"
              + " holds: fix the decision reference (decisions here: " + decisions.keySet() + ")"));
        }
      }
    });
    Map<String, DecisionTestTable> tables = readTables(models, decisions, problems);
    decisions.forEach((key, parsed) -> {
      if (!parsed.isTable()) {
        return;
      }
      DecisionTestTable table = tables.get(key);
      if (table == null) {
        problems.add(new Problem(parsed.file(), key, "the decision has no test table: add processes/" + key
            + DecisionTestTable.SUFFIX + " (columns: case, one per input, 'expect <output>' per output; one row per"
            + " case, README \"Check a change\")"));
        return;
      }
      table.rows().forEach(row -> runRow(table, row, problems));
      checkCoverage(parsed, table, problems);
    });
    return problems;
  }

  private Map<String, Parsed> deployedDecisions(Models models) {
    Map<String, Parsed> decisions = new LinkedHashMap<>();
    engine.processEngine().getRepositoryService().createDecisionDefinitionQuery().latestVersion().list()
        .forEach(definition -> {
          var model = models.dmn.get(definition.getResourceName());
          if (model != null && model.getModelElementById(definition.getKey()) instanceof Decision decision) {
            decisions.put(definition.getKey(), new Parsed(definition.getResourceName(), decision));
          }
        });
    return decisions;
  }

  private static Map<String, DecisionTestTable> readTables(Models models, Map<String, Parsed> decisions,
      List<Problem> problems) {
    Map<String, DecisionTestTable> tables = new LinkedHashMap<>();
    for (String file : models.testTables) {
      try (InputStream in = Files.newInputStream(models.path(file))) {
        DecisionTestTable table = DecisionTestTable.read(file, in);
        if (decisions.containsKey(table.decisionKey())) {
          tables.put(table.decisionKey(), table);
        } else {
          problems.add(new Problem(file, null, "no processes/*.dmn holds a decision '" + table.decisionKey()
              + "': name the test table after the decision's id (decisions here: " + decisions.keySet() + ")"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return tables;
  }

  private void runRow(DecisionTestTable table, DecisionTestTable.Row row, List<Problem> problems) {
    String where = "line " + row.line() + " (" + row.name() + ")";
    DmnDecisionResult result;
    try {
      result = engine.processEngine().getDecisionService().evaluateDecisionByKey(table.decisionKey())
          .variables(row.inputs()).evaluate();
    } catch (RuntimeException e) {
      problems.add(new Problem(table.file(), where, "the decision fails on these inputs: " + Models.rootCause(e)));
      return;
    }
    if (row.expectsNoMatch()) {
      if (!result.isEmpty()) {
        problems.add(new Problem(table.file(), where, "expected no rule to match, but the table gives "
            + result.getResultList()));
      }
      return;
    }
    if (result.size() != 1) {
      problems.add(new Problem(table.file(), where, "expected one result " + row.expected() + ", but the table gives "
          + (result.isEmpty() ? "none (no rule matches)" : result.getResultList())));
      return;
    }
    Map<String, Object> outputs = result.getSingleResult().getEntryMap();
    row.expected().forEach((output, expected) -> {
      Object actual = outputs.get(output);
      if (!outputs.containsKey(output)) {
        problems.add(new Problem(table.file(), where, "the decision has no output '" + output + "' (outputs: "
            + outputs.keySet() + "): fix the column 'expect " + output + "'"));
      } else if (!expected.equals(actual == null ? "" : actual.toString())) {
        problems.add(new Problem(table.file(), where, "expected " + output + " '" + expected + "', but the table gives '"
            + (actual == null ? "" : actual) + "'"));
      }
    });
  }

  private void checkCoverage(Parsed parsed, DecisionTestTable table, List<Problem> problems) {
    List<Rule> rules = new ArrayList<>(((DecisionTable) parsed.model().getExpression()).getRules());
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (!engine.decided(rule.getId())) {
        String note = rule.getDescription() == null ? "" : " (\"" + rule.getDescription().getTextContent().trim() + "\")";
        problems.add(new Problem(parsed.file(), parsed.model().getId() + " rule " + (i + 1) + note,
            "no row of " + table.file() + " is decided by this rule: add a case whose inputs it matches (before any"
                + " earlier rule does), or remove the rule if an earlier one always wins"));
      }
    }
  }
}
