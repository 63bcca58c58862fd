package com.complaintdesk.improvement;

import static com.complaintdesk.improvement.ImprovementVariables.IMPROVEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The action is delivered: verified by a manager; on time when carried out by its due date. The complainants who asked
 * to be told are.
 */
@Component("recordImprovementDelivered")
public class RecordImprovementDelivered implements JavaDelegate {

  private final ImprovementActionRepository actions;
  private final ImprovementNotices notices;

  public RecordImprovementDelivered(ImprovementActionRepository actions, ImprovementNotices notices) {
    this.actions = actions;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = (Long) execution.getVariable(IMPROVEMENT_ID);
    actions.recordDelivered(id, ClockUtil.getCurrentTime().toInstant());
    notices.tellThoseWhoAsked(id);
  }
}
