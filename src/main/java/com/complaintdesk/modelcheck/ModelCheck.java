package com.complaintdesk.modelcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The designers' model check: `mvn -q compile exec:java@check-models` from the repository root (README, "Check a
 * change"). In seconds and without starting the app it deploys every model on an in-memory engine and holds
 * BPMN, DMN, forms and test tables to each other, to processes/contract.yaml and to processes/catalogue.yaml, and reads
 * the reply templates of processes/replies/ as the app does. Every problem names the file, the element and what to
 * do; the exit code is 1 when there is one. ModelCheckTest runs it in the build.
 */
public final class ModelCheck {

  private ModelCheck() {
  }

  public static void main(String[] args) {
    // Before the first logger exists: the engines' start-up chatter would bury the answer.
    System.setProperty("logback.configurationFile", "com/complaintdesk/modelcheck/logback.xml");
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    long started = System.nanoTime();
    Models models = Models.read(root);
    List<Problem> problems = check(models);
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (problems.isEmpty()) {
      System.out.printf("Model check passed in %.1f s: %d BPMN, %d DMN, %d test tables, %d forms under %s%n",
          millis / 1000.0, models.bpmn.size(), models.dmn.size(), models.testTables.size(), models.forms.size(), root);
      return;
    }
    System.out.printf("Model check found %d problem(s) under %s:%n", problems.size(), root);
    problems.forEach(problem -> System.out.println("  " + problem));
    System.exit(1);
  }

  /** Every problem of the models under a repository root (the folder holding processes/ and forms/). */
  public static List<Problem> check(Path root) {
    return check(Models.read(root));
  }

  private static List<Problem> check(Models models) {
    List<Problem> problems = new ArrayList<>(models.unreadable);
    try (var engine = new CheckEngine()) {
      List<ModelRule> rules = new ArrayList<>(List.of(
          new DeploymentRule(engine), new DecisionRule(engine), new DelegateBeanRule()));
      if (models.contract != null) {
        rules.addAll(List.of(new UserTaskFormRule(), new ExpressionRule(), new MessageRule()));
      }
      if (models.catalogue != null) {
        rules.addAll(List.of(new CatalogueRule(), new ReplyTemplateRule()));
      }
      rules.forEach(rule -> problems.addAll(rule.check(models)));
    }
    return problems;
  }
}
