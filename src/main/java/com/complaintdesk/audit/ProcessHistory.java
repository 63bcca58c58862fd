package com.complaintdesk.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the engine's history keeps of one complaint's process instance, running or finished: the instance, the
 * decisions it evaluated, its user tasks and what staff changed by hand. Empty lists, and a null run, once the
 * engine's history cleanup has removed the instance.
 */
record ProcessHistory(Run run, List<EvaluatedDecision> decisions, List<UserTaskRun> tasks,
    List<EngineOperation> operations) {

  static ProcessHistory none() {
    return new ProcessHistory(null, List.of(), List.of(), List.of());
  }

  /**
   * The same history with {@code shownInstead} for the texts people wrote that its decisions read: "(erased)" on the
   * audit page of a complaint whose texts retention erased; null (nothing) in Cockpit, which shows routing values.
   */
  ProcessHistory withoutFreeText(String shownInstead) {
    return new ProcessHistory(run, decisions.stream().map(decision -> decision.withoutFreeText(shownInstead)).toList(),
        tasks, operations);
  }

  /** The process instance: its model version, when it ran, how it ended. */
  record Run(String id, String definitionKey, Integer definitionVersion, Instant startedAt, Instant endedAt,
      String state) {

    public boolean running() {
      return endedAt == null;
    }
  }

  /**
   * One evaluation of a decision table, called by a business rule task of the process: the inputs it was given,
   * the rules that matched (their ids name them, e.g. CategoryFromDeclaredType) and their outputs.
   */
  record EvaluatedDecision(String id, String key, String name, Instant evaluatedAt, String calledBy,
      List<DecisionValue> inputs, List<String> matchedRules, List<DecisionValue> outputs) {

    EvaluatedDecision withoutFreeText(String shownInstead) {
      return new EvaluatedDecision(id, key, name, evaluatedAt, calledBy,
          inputs.stream().map(input -> input.withoutFreeText(shownInstead)).toList(), matchedRules,
          outputs.stream().map(output -> output.withoutFreeText(shownInstead)).toList());
    }
  }

  /** An input (by its label in the table) or an output (by its label, or the variable it sets) and its value. */
  record DecisionValue(String label, String value) {

    static final String ERASED = "(erased)";
    /** Codes (FUNCTIONAL, P1D, tech-support-leads, true) have no spaces; what people wrote does. */
    private static final Pattern FREE_TEXT = Pattern.compile("\\s");

    /**
     * The engine keeps the texts a rule read (subject and description, for the category) until its own history
     * cleanup; once retention erased them from the complaint, the audit page does not bring them back, and
     * Cockpit never shows them.
     */
    DecisionValue withoutFreeText(String shownInstead) {
      return value != null && FREE_TEXT.matcher(value).find() ? new DecisionValue(label, shownInstead) : this;
    }
  }

  /**
   * A user task: whose queue it was offered to, who worked on it and who completed it (from the user operation
   * log; null when it ended otherwise, e.g. interrupted by a withdrawal), and how long it waited.
   */
  record UserTaskRun(String id, String name, String key, List<String> candidateGroups, String assignee,
      String completedBy, Instant createdAt, Instant endedAt, String endReason) {

    public boolean open() {
      return endedAt == null;
    }

    public boolean completed() {
      return "completed".equals(endReason);
    }

    public Duration waited() {
      return open() ? null : Duration.between(createdAt, endedAt);
    }

    /** Who completed it, as far as the engine knows; or how it ended otherwise. */
    public String outcome() {
      if (open()) {
        return "–";
      }
      if (!completed()) {
        return "ended without completion (" + endReason + ")";
      }
      return completedBy != null ? completedBy : assignee != null ? assignee : "–";
    }

    public String openFor() {
      return open() ? "still open" : Wording.duration(waited());
    }
  }

  /**
   * An entry of the engine's user operation log: who changed what by hand, e.g. claimed or completed a task
   * ({@code taskName} when it was about a task).
   */
  record EngineOperation(Instant at, String userId, String operationType, String entityType, String taskName,
      String property, String orgValue, String newValue) {

    /** "Task Assign handler", "ProcessInstance". */
    public String on() {
      return taskName == null ? entityType : entityType + " " + taskName;
    }
  }
}
