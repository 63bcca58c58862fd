package com.complaintdesk.audit;

import com.complaintdesk.complaint.ComplaintVariables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Puts together the instance history view of one process instance from the engine's history (and, for the
 * decisions, tasks and operations, the same reading the audit page uses), without the texts people wrote. Like the
 * audit page, it reads as the system: the caller's right to read this history was checked before.
 */
@Component
class InstanceHistories {

  /** Job types of timers (the engine's timer job handlers): deadlines, reminders and waits of the model. */
  private static final String TIMER_JOB = "timer";

  private final HistoryService history;
  private final RepositoryService repository;
  private final EngineHistory engineHistory;
  /** Names of the elements of each deployed process definition (a deployed model never changes). */
  private final Map<String, Map<String, String>> elementNames = new ConcurrentHashMap<>();

  InstanceHistories(HistoryService history, RepositoryService repository, EngineHistory engineHistory) {
    this.history = history;
    this.repository = repository;
    this.engineHistory = engineHistory;
  }

  /** The process instance (its definition key: the caller's grant is checked before anything else is read). */
  Optional<HistoricProcessInstance> find(String processInstanceId) {
    return Optional.ofNullable(history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult());
  }

  InstanceHistory of(HistoricProcessInstance instance) {
    String id = instance.getId();
    List<HistoricActivityInstance> passes = engineHistory.activitiesOf(id);
    // Routing values only: what people wrote, even where a rule read it, is the audit page's to show.
    ProcessHistory process = engineHistory.of(instance, passes).withoutFreeText(null);
    Map<String, List<String>> candidateGroups = process.tasks().stream()
        .collect(Collectors.toMap(ProcessHistory.UserTaskRun::id, ProcessHistory.UserTaskRun::candidateGroups));
    List<InstanceHistory.Activity> activities = passes.stream()
        .map(pass -> new InstanceHistory.Activity(pass.getActivityId(), pass.getActivityName(), pass.getActivityType(),
            instant(pass.getStartTime()), instant(pass.getEndTime()), pass.getDurationInMillis(), pass.getAssignee(),
            pass.getTaskId() == null ? List.of() : candidateGroups.getOrDefault(pass.getTaskId(), List.of()),
            pass.isCanceled()))
        .toList();
    Map<String, Long> passed = passes.stream()
        .collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId, LinkedHashMap::new,
            Collectors.counting()));
    boolean breached = InstanceList.BREACH_RECORDS.stream().anyMatch(passed::containsKey);
    var facts = new InstanceHistory.Instance(id, instance.getBusinessKey(), instance.getProcessDefinitionId(),
        instance.getProcessDefinitionKey(), instance.getProcessDefinitionVersion(), instant(instance.getStartTime()),
        instant(instance.getEndTime()), instance.getDurationInMillis(), instance.getState(),
        EndState.of(instance, passed.containsKey(EndState.FINAL_REVIEW)), breached);
    Map<String, String> activityNames = passes.stream()
        .collect(Collectors.toMap(HistoricActivityInstance::getId, pass -> Objects.requireNonNullElse(
            pass.getActivityName(), pass.getActivityId())));
    return new InstanceHistory(facts, activities, passed, timers(instance), process.decisions(),
        variables(id, activityNames), incidents(id), process.operations());
  }

  /** Every timer job of the instance, from the job log: created (with its due date), fired, deleted or failed. */
  private List<InstanceHistory.Timer> timers(HistoricProcessInstance instance) {
    Map<String, List<HistoricJobLog>> byJob = new LinkedHashMap<>();
    history.createHistoricJobLogQuery().processInstanceId(instance.getId())
        .orderByTimestamp().asc().orderPartiallyByOccurrence().asc().list().stream()
        .filter(log -> log.getJobDefinitionType() != null && log.getJobDefinitionType().startsWith(TIMER_JOB))
        .forEach(log -> byJob.computeIfAbsent(log.getJobId(), job -> new ArrayList<>()).add(log));
    Map<String, String> names = names(instance.getProcessDefinitionId());
    var timers = new ArrayList<InstanceHistory.Timer>();
    byJob.forEach((jobId, logs) -> {
      HistoricJobLog first = logs.get(0);
      Instant created = null;
      Instant due = null;
      Instant fired = null;
      Instant cancelled = null;
      int failures = 0;
      for (HistoricJobLog log : logs) {
        if (log.isCreationLog()) {
          created = instant(log.getTimestamp());
        }
        if (due == null || log.isCreationLog()) {
          due = instant(log.getJobDueDate());
        }
        if (log.isSuccessLog()) {
          fired = instant(log.getTimestamp());
        }
        if (log.isDeletionLog()) {
          cancelled = instant(log.getTimestamp());
        }
        if (log.isFailureLog()) {
          failures++;
        }
      }
      String state = fired != null ? "FIRED" : cancelled != null ? "CANCELLED" : failures > 0 ? "FAILING" : "WAITING";
      timers.add(new InstanceHistory.Timer(jobId, first.getActivityId(),
          names.getOrDefault(first.getActivityId(), first.getActivityId()), created, due, fired, cancelled, failures,
          state));
    });
    return timers;
  }

  /** Changes of the routing variables in time order; the texts people wrote are left out. */
  private List<InstanceHistory.VariableChange> variables(String processInstanceId, Map<String, String> activityNames) {
    return history.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates()
        .disableCustomObjectDeserialization().orderByTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> !ComplaintVariables.WRITTEN_TEXTS.contains(update.getVariableName()))
        .map(update -> new InstanceHistory.VariableChange(update.getVariableName(), update.getTypeName(),
            text(update.getValue()), instant(update.getTime()),
            update.getActivityInstanceId() == null ? null : activityNames.get(update.getActivityInstanceId())))
        .toList();
  }

  private List<InstanceHistory.Incident> incidents(String processInstanceId) {
    return history.createHistoricIncidentQuery().processInstanceId(processInstanceId).orderByCreateTime().asc().list()
        .stream()
        .map(incident -> new InstanceHistory.Incident(incident.getIncidentType(), incident.getIncidentMessage(),
            incident.getActivityId(), instant(incident.getCreateTime()), instant(incident.getEndTime()),
            state(incident)))
        .toList();
  }

  private static String state(HistoricIncident incident) {
    return incident.isOpen() ? "OPEN" : incident.isResolved() ? "RESOLVED" : "DELETED";
  }

  private Map<String, String> names(String processDefinitionId) {
    return elementNames.computeIfAbsent(processDefinitionId, id -> {
      Map<String, String> names = new HashMap<>();
      repository.getBpmnModelInstance(id).getModelElementsByType(FlowElement.class).stream()
          .filter(element -> element.getName() != null)
          .forEach(element -> names.put(element.getId(), element.getName()));
      return names;
    });
  }

  private static String text(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    return value == null ? null : value.toString();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
