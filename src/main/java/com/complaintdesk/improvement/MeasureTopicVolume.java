package com.complaintdesk.improvement;

import static com.complaintdesk.improvement.ImprovementVariables.*;

import java.math.BigDecimal;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The topic's complaints per window (a week) before and after the improvement (TopicVolume). Sets
 * {@code volumeBefore} and {@code volumeAfter} for the manager who verifies it.
 */
@Component("measureTopicVolume")
public class MeasureTopicVolume implements JavaDelegate {

  private final ImprovementActionRepository actions;
  private final TopicVolume volume;

  public MeasureTopicVolume(ImprovementActionRepository actions, TopicVolume volume) {
    this.actions = actions;
    this.volume = volume;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var action = actions.get((Long) execution.getVariable(IMPROVEMENT_ID));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    BigDecimal before = volume.before(action.topic(), action.createdAt());
    BigDecimal after = volume.after(action.topic(), action.implementedAt() == null ? now : action.implementedAt(), now);
    actions.recordVolumes(action.id(), before, after);
    execution.setVariable(VOLUME_BEFORE, before.doubleValue());
    execution.setVariable(VOLUME_AFTER, after.doubleValue());
  }
}
