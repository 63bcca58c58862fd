package com.complaintdesk.improvement;

import static com.complaintdesk.improvement.ImprovementVariables.*;

import com.complaintdesk.complaint.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The owner says what was done: the improvement counts as carried out now (for "on time", the last time counts). */
@Component("recordImprovementImplemented")
public class RecordImprovementImplemented implements TaskListener {

  private final ImprovementActionRepository actions;

  public RecordImprovementImplemented(ImprovementActionRepository actions) {
    this.actions = actions;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = TaskInput.required(task, OUTCOME, "Say what was done.");
    actions.recordImplemented((Long) task.getVariable(IMPROVEMENT_ID), outcome, ClockUtil.getCurrentTime().toInstant());
    task.setVariable(OUTCOME, outcome);
  }
}
