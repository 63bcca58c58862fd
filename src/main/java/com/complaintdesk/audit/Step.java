package com.complaintdesk.audit;

import java.time.Instant;

/**
 * One line of the audit page's "what happened": a timeline entry, a decision, a user task or a message, at the
 * time it happened. {@code internal}: a timeline entry the complainant does not see; {@code breach}: a missed deadline;
 * {@code decision} is set for decisions (their inputs and outputs), {@code notificationId}
 * for messages (a link to the outbox page).
 */
record Step(Instant at, Kind kind, String title, String actor, String detail, boolean internal, boolean breach,
    ProcessHistory.EvaluatedDecision decision, Long notificationId) {

  /**
   * What a step is. Steps of the same instant (one transaction, or a clock a test holds still) are shown in this
   * order, which is the order of cause and effect within one step of the process: a person completes a task, the
   * rules decide, the timeline records the outcome, messages are queued, and the next task starts waiting.
   */
  enum Kind {
    TASK("Task"), DECISION("Decision"), EVENT("Timeline"), MESSAGE("Message"), WAITING("Task");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
