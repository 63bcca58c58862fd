package com.complaintdesk.improvement;

import static com.complaintdesk.improvement.ImprovementVariables.IMPROVEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The action is delivered: verified by a manager; on time when carried out by its due date. */
@Component("recordImprovementDelivered")
public class RecordImprovementDelivered implements JavaDelegate {

  private final ImprovementActionRepository actions;

  public RecordImprovementDelivered(ImprovementActionRepository actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    actions.recordDelivered((Long) execution.getVariable(IMPROVEMENT_ID), ClockUtil.getCurrentTime().toInstant());
  }
}
