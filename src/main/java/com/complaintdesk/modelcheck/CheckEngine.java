package com.complaintdesk.modelcheck;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * One in-memory process engine with the app's strictness (history time to live enforced) for the check, whose
 * DMN engine remembers the rules that decided an evaluation. Built once: starting the engines is most of
 * the check's time.
 */
final class CheckEngine implements AutoCloseable {

  private final Set<String> decidingRules = ConcurrentHashMap.newKeySet();
  private final ProcessEngine processEngine;

  CheckEngine() {
    var dmn = new DefaultDmnEngineConfiguration();
    dmn.setCustomPostDecisionTableEvaluationListeners(List.of((DmnDecisionTableEvaluationListener) event ->
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(decidingRules::add)));
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    String name = "model-check-" + UUID.randomUUID();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setMetricsEnabled(false);
    configuration.setDmnEngineConfiguration(dmn);
    processEngine = configuration.buildProcessEngine();
  }

  ProcessEngine processEngine() {
    return processEngine;
  }

  /** Whether the rule with this id decided any evaluation so far (for a FIRST table: the first match only). */
  boolean decided(String ruleId) {
    return decidingRules.contains(ruleId);
  }

  @Override
  public void close() {
    processEngine.close();
  }
}
