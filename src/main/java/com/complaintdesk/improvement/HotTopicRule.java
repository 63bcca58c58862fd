package com.complaintdesk.improvement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks processes/hot-topic-alert.dmn whether a topic's rise is an alert. The watch puts every rising topic to it,
 * hundreds an hour, so it is evaluated on the engine's DMN engine without a history entry each time; the alerts
 * themselves are recorded with their figures (table hot_topic) and start an improvement action.
 */
@Component
class HotTopicRule {

  static final String DECISION = "hot-topic-alert";

  private final RepositoryService repository;
  private final DmnEngine dmn;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  HotTopicRule(ProcessEngine engine) {
    this.repository = engine.getRepositoryService();
    this.dmn = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngine();
  }

  /** The rule as deployed now (its latest version), for one round of the watch. */
  Predicate<TopicCount> current() {
    var definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).latestVersion()
        .singleResult();
    if (definition == null) {
      throw new IllegalStateException("The decision " + DECISION + " is not deployed: processes/" + DECISION
          + ".dmn belongs to the models the app deploys");
    }
    DmnDecision decision = parsed.computeIfAbsent(definition.getId(), this::parse);
    return count -> isAlert(decision, count);
  }

  private DmnDecision parse(String definitionId) {
    try (InputStream model = repository.getDecisionModel(definitionId)) {
      return dmn.parseDecision(DECISION, model);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the deployed " + DECISION, e);
    }
  }

  private boolean isAlert(DmnDecision decision, TopicCount count) {
    var result = dmn.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("category", count.topic().category())
        .putValue("wholeCategory", count.topic().wholeCategory())
        .putValue("recentCount", count.recent())
        .putValue("weeklyAverage", count.weeklyAverage().doubleValue())
        .putValue("rise", count.rise().doubleValue()));
    if (result.isEmpty()) {
      throw new IllegalStateException("No rule of " + DECISION + " matched " + count + ": its last rule should catch"
          + " every other case");
    }
    return Boolean.TRUE.equals(result.getSingleResult().getEntry("alert"));
  }
}
