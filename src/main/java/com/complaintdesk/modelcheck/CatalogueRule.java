package com.complaintdesk.modelcheck;

import com.complaintdesk.complaint.Catalogue;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The decisions, their test tables and the forms use the categories and departments of processes/catalogue.yaml,
 * and only those: a category added to the catalogue but missing from a form shows blank in Tasklist, one a rule
 * gives but the catalogue lacks stops the complaint with an incident.
 */
final class CatalogueRule implements ModelRule {

  static final String FILE = "processes/catalogue.yaml";
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  @Override
  public List<Problem> check(Models models) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Set<String>> allowed = allowedValues(models.catalogue);
    models.forms.forEach((file, form) -> checkForm(file, form, allowed, problems));
    models.dmn.forEach((file, model) -> model.getModelElementsByType(DecisionTable.class)
        .forEach(table -> checkDecision(file, table, allowed, problems)));
    for (String file : models.testTables) {
      try (InputStream in = Files.newInputStream(models.path(file))) {
        checkTestTable(DecisionTestTable.read(file, in), allowed, problems);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return problems;
  }

  /** The values each catalogue-bound variable may take: a declared type is one complainants may choose. */
  private static Map<String, Set<String>> allowedValues(Catalogue catalogue) {
    return Map.of(
        "declaredType", new LinkedHashSet<>(catalogue.choosableCategoryIds()),
        "category", new LinkedHashSet<>(catalogue.categoryIds()),
        "department", new LinkedHashSet<>(catalogue.departmentIds()));
  }

  private static void checkForm(String file, JsonNode form, Map<String, Set<String>> allowed, List<Problem> problems) {
    for (JsonNode field : FormFields.of(form)) {
      Set<String> expected = allowed.get(field.get("key").asText());
      if (expected == null || !field.has("values")) {
        continue;
      }
      Set<String> offered = new LinkedHashSet<>();
      field.get("values").forEach(option -> offered.add(option.path("value").asText()));
      String key = field.get("key").asText();
      Set<String> missing = new LinkedHashSet<>(expected);
      missing.removeAll(offered);
      if (!missing.isEmpty()) {
        problems.add(new Problem(file, key, "the options lack " + missing + ", which " + FILE + " lists: add an"
            + " option (label, value) for each"));
      }
      offered.removeAll(expected);
      if (!offered.isEmpty()) {
        problems.add(new Problem(file, key, "the options offer " + offered + ", which " + FILE + " does not list"
            + (key.equals("declaredType") ? " as choosable" : "") + ": remove them, or add them to the catalogue"));
      }
    }
  }

  private static void checkDecision(String file, DecisionTable table, Map<String, Set<String>> allowed,
      List<Problem> problems) {
    String decision = table.getParentElement() instanceof org.camunda.bpm.model.dmn.instance.Decision parent
        ? parent.getId() : null;
    List<Input> inputs = new ArrayList<>(table.getInputs());
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    List<Rule> rules = new ArrayList<>(table.getRules());
    for (int r = 0; r < rules.size(); r++) {
      var inputEntries = new ArrayList<>(rules.get(r).getInputEntries());
      for (int i = 0; i < inputs.size() && i < inputEntries.size(); i++) {
        String variable = inputs.get(i).getInputExpression().getText().getTextContent().trim();
        // Any category may come in: the user's declared type is checked where it is entered.
        Set<String> values = allowed.get(variable.equals("declaredType") ? "category" : variable);
        check(file, decision, r, variable, inputEntries.get(i).getText().getTextContent(), values, problems);
      }
      var outputEntries = new ArrayList<>(rules.get(r).getOutputEntries());
      for (int o = 0; o < outputs.size() && o < outputEntries.size(); o++) {
        String variable = outputs.get(o).getName();
        check(file, decision, r, variable, outputEntries.get(o).getText().getTextContent(), allowed.get(variable),
            problems);
      }
    }
  }

  private static void check(String file, String decision, int rule, String variable, String entry, Set<String> values,
      List<Problem> problems) {
    if (values == null || entry == null) {
      return;
    }
    Matcher quoted = QUOTED.matcher(entry);
    while (quoted.find()) {
      if (!quoted.group(1).isEmpty() && !values.contains(quoted.group(1))) {
        problems.add(new Problem(file, decision + " rule " + (rule + 1), variable + " \"" + quoted.group(1)
            + "\" is not in " + FILE + ": add it there, or fix the spelling (" + values + ")"));
      }
    }
  }

  private static void checkTestTable(DecisionTestTable table, Map<String, Set<String>> allowed,
      List<Problem> problems) {
    for (DecisionTestTable.Row row : table.rows()) {
      row.inputs().forEach((column, value) -> {
        Set<String> values = allowed.get(column.equals("declaredType") ? "category" : column);
        checkCell(table, row, column, value, values, problems);
      });
      row.expected().forEach((output, value) -> checkCell(table, row, "expect " + output, value, allowed.get(output),
          problems));
    }
  }

  private static void checkCell(DecisionTestTable table, DecisionTestTable.Row row, String column, Object value,
      Set<String> values, List<Problem> problems) {
    if (values != null && value != null && !value.toString().isEmpty() && !values.contains(value.toString())) {
      problems.add(new Problem(table.file(), "line " + row.line() + " (" + row.name() + ")", column + " '" + value
          + "' is not in " + FILE + ": add it there, or fix the spelling (" + values + ")"));
    }
  }
}
