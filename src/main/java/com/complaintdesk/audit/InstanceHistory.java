package com.complaintdesk.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the auditors' instance history view in Cockpit shows of one process instance, running or finished:
 * the instance, the path it took (every activity and how often each was passed), its timers, the decisions with
 * their inputs and outputs, the history of its routing variables, its incidents and what staff did by hand.
 */
record InstanceHistory(Instance instance, List<Activity> activities, Map<String, Long> passed, List<Timer> timers,
    List<ProcessHistory.EvaluatedDecision> decisions, List<VariableChange> variables, List<Incident> incidents,
    List<ProcessHistory.EngineOperation> operations) {

  record Instance(String id, String trackingNumber, String definitionId, String definitionKey, int definitionVersion,
      Instant startedAt, Instant endedAt, Long durationMillis, String state, EndState endState, boolean breached) {
  }

  /** One pass of an element: a user task with who had it and which groups it was offered to. */
  record Activity(String activityId, String name, String type, Instant startedAt, Instant endedAt,
      Long durationMillis, String assignee, List<String> candidateGroups, boolean canceled) {
  }

  /**
   * A timer of the model (a deadline, a reminder, a wait): when it was due, and when it fired, was cancelled (its
   * task ended first) or failed. {@code state}: FIRED, CANCELLED, WAITING or FAILING.
   */
  record Timer(String jobId, String activityId, String name, Instant createdAt, Instant dueAt, Instant firedAt,
      Instant cancelledAt, int failures, String state) {
  }

  /** A routing variable set or changed, where and when; texts people wrote are not among them. */
  record VariableChange(String name, String type, String value, Instant at, String activityName) {
  }

  /** An incident: a failed job or another error an operator had to look at, and whether it is resolved. */
  record Incident(String type, String message, String activityId, Instant createdAt, Instant endedAt, String state) {
  }
}
