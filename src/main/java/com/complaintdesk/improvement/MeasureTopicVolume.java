package com.complaintdesk.improvement;

import static com.complaintdesk.improvement.ImprovementVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The topic's complaints per window (a week) before and after the improvement: before, the baseline windows up to the
 * action's start; after, from when it was carried out until now. Sets {@code volumeBefore} and {@code volumeAfter}
 * for the manager who verifies it.
 */
@Component("measureTopicVolume")
public class MeasureTopicVolume implements JavaDelegate {

  private final ImprovementActionRepository actions;
  private final TopicCounts counts;
  private final ImprovementProperties properties;

  public MeasureTopicVolume(ImprovementActionRepository actions, TopicCounts counts, ImprovementProperties properties) {
    this.actions = actions;
    this.counts = counts;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var action = actions.get((Long) execution.getVariable(IMPROVEMENT_ID));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant started = action.createdAt();
    BigDecimal before = perWindow(counts.count(action.topic(), started.minus(properties.baseline()), started),
        properties.baseline());
    Instant implemented = action.implementedAt() == null ? now : action.implementedAt();
    BigDecimal after = perWindow(counts.count(action.topic(), implemented, now), Duration.between(implemented, now));
    actions.recordVolumes(action.id(), before, after);
    execution.setVariable(VOLUME_BEFORE, before.doubleValue());
    execution.setVariable(VOLUME_AFTER, after.doubleValue());
  }

  private BigDecimal perWindow(int complaints, Duration span) {
    if (span.isZero() || span.isNegative()) {
      return BigDecimal.ZERO;
    }
    return BigDecimal.valueOf(complaints).multiply(BigDecimal.valueOf(properties.window().toSeconds()))
        .divide(BigDecimal.valueOf(span.toSeconds()), 2, RoundingMode.HALF_UP);
  }
}
