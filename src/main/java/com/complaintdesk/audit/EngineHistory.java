package com.complaintdesk.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.springframework.stereotype.Component;

/**
 * Reads a complaint's process instance from the engine's history, which keeps finished instances too (Community
 * Cockpit shows only running ones). The queries run without an engine user: the audit page's own security has
 * decided who may read this, and a reader's engine grants need not cover every history table.
 */
@Component
class EngineHistory {

  private final HistoryService history;
  private final RepositoryService repository;
  private final IdentityService identity;
  /** The input columns of each deployed decision table, by decision definition id (a deployed table never changes). */
  private final Map<String, List<String>> inputColumns = new ConcurrentHashMap<>();

  EngineHistory(HistoryService history, RepositoryService repository, IdentityService identity) {
    this.history = history;
    this.repository = repository;
    this.identity = identity;
  }

  ProcessHistory of(String processInstanceId) {
    return withoutEngineUser(() -> {
      HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      return instance == null ? ProcessHistory.none() : read(instance, activitiesOf(processInstanceId));
    });
  }

  /** The same for an instance already read, with its activities ({@link #activitiesOf}), read by the caller too. */
  ProcessHistory of(HistoricProcessInstance instance, List<HistoricActivityInstance> activities) {
    return withoutEngineUser(() -> read(instance, activities));
  }

  /** In the order the engine passed them: evaluations and tasks of the same millisecond keep that order. */
  List<HistoricActivityInstance> activitiesOf(String processInstanceId) {
    return withoutEngineUser(() -> history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
        .list());
  }

  private ProcessHistory read(HistoricProcessInstance instance, List<HistoricActivityInstance> activities) {
    String processInstanceId = instance.getId();
    var run = new ProcessHistory.Run(instance.getId(), instance.getProcessDefinitionKey(),
        instance.getProcessDefinitionVersion(), instant(instance.getStartTime()), instant(instance.getEndTime()),
        instance.getState());
    Map<String, Integer> position = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (HistoricActivityInstance activity : activities) {
      position.put(activity.getId(), position.size());
      names.put(activity.getId(), activity.getActivityName());
    }
    var tasks = tasks(processInstanceId, position);
    return new ProcessHistory(run, decisions(processInstanceId, position, names), tasks,
        operations(processInstanceId, tasks));
  }

  private List<ProcessHistory.EvaluatedDecision> decisions(String processInstanceId, Map<String, Integer> position,
      Map<String, String> names) {
    return history.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
        .includeInputs().includeOutputs()
        .list().stream()
        .sorted(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime)
            .thenComparing(decision -> position.getOrDefault(decision.getActivityInstanceId(), Integer.MAX_VALUE)))
        .map(decision -> new ProcessHistory.EvaluatedDecision(decision.getId(), decision.getDecisionDefinitionKey(),
            decision.getDecisionDefinitionName(), instant(decision.getEvaluationTime()),
            Objects.requireNonNullElse(names.get(decision.getActivityInstanceId()), decision.getActivityId()),
            inColumnOrder(decision).stream().map(EngineHistory::input).toList(),
            decision.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).distinct().toList(),
            decision.getOutputs().stream().map(EngineHistory::output).toList()))
        .toList();
  }

  /** The history keeps inputs in the order of their ids; the designer's column order reads better. */
  private List<HistoricDecisionInputInstance> inColumnOrder(HistoricDecisionInstance decision) {
    List<String> columns = inputColumns.computeIfAbsent(decision.getDecisionDefinitionId(), definitionId -> {
      Decision element = repository.getDmnModelInstance(definitionId)
          .getModelElementById(decision.getDecisionDefinitionKey());
      return element != null && element.getExpression() instanceof DecisionTable table
          ? table.getInputs().stream().map(Input::getId).toList()
          : List.of();
    });
    return decision.getInputs().stream()
        .sorted(Comparator.comparingInt(input -> columns.contains(input.getClauseId())
            ? columns.indexOf(input.getClauseId()) : Integer.MAX_VALUE))
        .toList();
  }

  private List<ProcessHistory.UserTaskRun> tasks(String processInstanceId, Map<String, Integer> position) {
    Map<String, String> completedBy = new HashMap<>();
    history.createUserOperationLogQuery().processInstanceId(processInstanceId)
        .entityType(EntityTypes.TASK)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list()
        .forEach(entry -> completedBy.put(entry.getTaskId(), entry.getUserId()));
    return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list().stream()
        .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime)
            .thenComparing(task -> position.getOrDefault(task.getActivityInstanceId(), Integer.MAX_VALUE)))
        .map(task -> new ProcessHistory.UserTaskRun(task.getId(), task.getName(), task.getTaskDefinitionKey(),
            candidateGroups(task.getId()), task.getAssignee(), completedBy.get(task.getId()),
            instant(task.getStartTime()), instant(task.getEndTime()), task.getDeleteReason()))
        .toList();
  }

  private List<String> candidateGroups(String taskId) {
    return history.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE)
        .operationType("add").list().stream()
        .map(HistoricIdentityLinkLog::getGroupId).filter(Objects::nonNull).distinct().sorted().toList();
  }

  private List<ProcessHistory.EngineOperation> operations(String processInstanceId,
      List<ProcessHistory.UserTaskRun> tasks) {
    Map<String, String> taskNames = new HashMap<>();
    tasks.forEach(task -> taskNames.put(task.id(), task.name()));
    return history.createUserOperationLogQuery().processInstanceId(processInstanceId)
        .orderByTimestamp().asc().list().stream()
        .map(entry -> new ProcessHistory.EngineOperation(instant(entry.getTimestamp()), entry.getUserId(),
            entry.getOperationType(), entry.getEntityType(),
            entry.getTaskId() == null ? null : taskNames.get(entry.getTaskId()), entry.getProperty(),
            entry.getOrgValue(), entry.getNewValue()))
        .toList();
  }

  private static ProcessHistory.DecisionValue input(HistoricDecisionInputInstance input) {
    return new ProcessHistory.DecisionValue(input.getClauseName(), text(input.getValue(), input.getErrorMessage()));
  }

  private static ProcessHistory.DecisionValue output(HistoricDecisionOutputInstance output) {
    String label = output.getClauseName() != null ? output.getClauseName() : output.getVariableName();
    return new ProcessHistory.DecisionValue(label, text(output.getValue(), output.getErrorMessage()));
  }

  private static String text(Object value, String errorMessage) {
    if (errorMessage != null) {
      return "(not readable: " + errorMessage + ")";
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    return value == null || "".equals(value) ? "(empty)" : value.toString();
  }

  private <T> T withoutEngineUser(Supplier<T> query) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
