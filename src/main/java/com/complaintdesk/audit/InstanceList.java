package com.complaintdesk.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The finished and running instances of a model, all its versions, for the auditors' History tab (an auditor looks
 * for a complaint, whichever version it ran on): one page in the order they started, newest first, with how each
 * ended and whether it breached a deadline. The engine's query API cannot ask for "ended here and passed there" in
 * one query, so this is a native query on the engine's history tables (their names from the engine, prefix
 * included), read through the engine's public API.
 */
@Component
class InstanceList {

  /** The elements that record a missed deadline in complaint-handling: passing one means an SLA was breached. */
  static final List<String> BREACH_RECORDS = List.of("RecordLoggingBreach", "RecordResponseBreach");
  private static final String EXTERNALLY_TERMINATED = "'" + HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED + "'";

  /** One instance as the History tab lists it. */
  record Row(String id, String trackingNumber, Integer definitionVersion, Instant startedAt, Instant endedAt,
      Long durationMillis, EndState endState, boolean breached) {
  }

  /** A page of the list and how many instances match in all. */
  record Page(long total, int firstResult, int maxResults, List<Row> instances) {
  }

  private final HistoryService history;
  private final ManagementService management;
  private final RepositoryService repository;

  InstanceList(HistoryService history, ManagementService management, RepositoryService repository) {
    this.history = history;
    this.management = management;
    this.repository = repository;
  }

  Page of(String definitionKey, InstanceFilter filter) {
    var where = new Where(management.getTableName(HistoricActivityInstance.class));
    where.add("RES.PROC_DEF_KEY_ = #{definitionKey}", "definitionKey", definitionKey);
    state(where, filter.state());
    if (filter.breached() != null) {
      where.activity(filter.breached(), BREACH_RECORDS);
    }
    if (filter.from() != null) {
      where.add("RES.START_TIME_ >= #{from}", "from", Date.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    if (filter.to() != null) {
      where.add("RES.START_TIME_ < #{to}", "to",
          Date.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    if (filter.trackingNumber() != null) {
      // InstanceFilter lets letters, digits and dashes through only: nothing to escape for LIKE.
      where.add("RES.BUSINESS_KEY_ like #{trackingNumber}", "trackingNumber", filter.trackingNumber() + "%");
    }
    String from = " from " + management.getTableName(HistoricProcessInstance.class) + " RES where " + where.sql();
    var count = history.createNativeHistoricProcessInstanceQuery().sql("select count(*)" + from);
    var select = history.createNativeHistoricProcessInstanceQuery()
        .sql("select RES.*" + from + " order by RES.START_TIME_ desc, RES.ID_ desc");
    where.parameters.forEach((name, value) -> {
      count.parameter(name, value);
      select.parameter(name, value);
    });
    List<HistoricProcessInstance> instances = select.listPage(filter.firstResult(), filter.maxResults());
    // A native query fills in the instance's own columns only: the version comes from the definitions.
    Map<String, Integer> versions = repository.createProcessDefinitionQuery().processDefinitionKey(definitionKey)
        .list().stream().collect(Collectors.toMap(ProcessDefinition::getId, ProcessDefinition::getVersion));
    return new Page(count.count(), filter.firstResult(), filter.maxResults(), rows(instances, versions));
  }

  private static void state(Where where, EndState state) {
    if (state == null) {
      return;
    }
    switch (state) {
      case RUNNING -> where.add("RES.END_TIME_ is null");
      case CANCELLED -> where.add("RES.END_TIME_ is not null and (RES.STATE_ = " + EXTERNALLY_TERMINATED
          + " or RES.END_ACT_ID_ is null or RES.END_ACT_ID_ not in (#{end0}, #{end1}, #{end2}, #{end3}))",
          "end0", EndState.CLOSED_END, "end1", EndState.UNANSWERED_END, "end2", EndState.DUPLICATE_END,
          "end3", EndState.WITHDRAWN_END);
      case CLOSED, CLOSED_AFTER_FINAL_REVIEW -> {
        ended(where, EndState.CLOSED_END);
        where.activity(state == EndState.CLOSED_AFTER_FINAL_REVIEW, List.of(EndState.FINAL_REVIEW));
      }
      case CLOSED_UNANSWERED -> ended(where, EndState.UNANSWERED_END);
      case DUPLICATE -> ended(where, EndState.DUPLICATE_END);
      case WITHDRAWN -> ended(where, EndState.WITHDRAWN_END);
    }
  }

  private static void ended(Where where, String endEvent) {
    where.add("RES.END_TIME_ is not null and RES.STATE_ <> " + EXTERNALLY_TERMINATED + " and RES.END_ACT_ID_ = #{end}",
        "end", endEvent);
  }

  /** The page's rows, with one more query for the whole page: which instances passed a final review or a breach. */
  private List<Row> rows(List<HistoricProcessInstance> instances, Map<String, Integer> versions) {
    if (instances.isEmpty()) {
      return List.of();
    }
    var parameters = new LinkedHashMap<String, Object>();
    String ids = placeholders("id", instances.stream().map(HistoricProcessInstance::getId).toList(), parameters);
    var marks = new ArrayList<>(BREACH_RECORDS);
    marks.add(EndState.FINAL_REVIEW);
    String activities = placeholders("activity", marks, parameters);
    var query = history.createNativeHistoricActivityInstanceQuery().sql("select RES.* from "
        + management.getTableName(HistoricActivityInstance.class) + " RES where RES.PROC_INST_ID_ in (" + ids
        + ") and RES.ACT_ID_ in (" + activities + ")");
    parameters.forEach(query::parameter);
    Set<String> breached = new HashSet<>();
    Set<String> reviewed = new HashSet<>();
    for (HistoricActivityInstance activity : query.list()) {
      (EndState.FINAL_REVIEW.equals(activity.getActivityId()) ? reviewed : breached).add(activity.getProcessInstanceId());
    }
    return instances.stream()
        .map(instance -> new Row(instance.getId(), instance.getBusinessKey(),
            versions.get(instance.getProcessDefinitionId()), instance.getStartTime().toInstant(),
            instance.getEndTime() == null ? null : instance.getEndTime().toInstant(), instance.getDurationInMillis(),
            EndState.of(instance, reviewed.contains(instance.getId())), breached.contains(instance.getId())))
        .toList();
  }

  private static String placeholders(String prefix, List<String> values, Map<String, Object> parameters) {
    return IntStream.range(0, values.size())
        .mapToObj(index -> {
          parameters.put(prefix + index, values.get(index));
          return "#{" + prefix + index + "}";
        })
        .collect(Collectors.joining(", "));
  }

  /** The conditions of the native query, joined by "and", and their parameters. */
  private static final class Where {

    private final String activityTable;
    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private int subqueries;

    Where(String activityTable) {
      this.activityTable = activityTable;
    }

    void add(String condition, Object... namesAndValues) {
      sql.append(sql.isEmpty() ? "" : " and ").append(condition);
      for (int i = 0; i < namesAndValues.length; i += 2) {
        parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }

    /** The instance passed (or, with {@code passed} false, never passed) one of these activities. */
    void activity(boolean passed, List<String> activityIds) {
      String alias = "A" + subqueries++;
      String ids = placeholders(alias.toLowerCase(Locale.ROOT) + "_", activityIds, parameters);
      add((passed ? "" : "not ") + "exists (select 1 from " + activityTable + " " + alias + " where " + alias
          + ".PROC_INST_ID_ = RES.ID_ and " + alias + ".ACT_ID_ in (" + ids + "))");
    }

    String sql() {
      return sql.toString();
    }
  }
}
