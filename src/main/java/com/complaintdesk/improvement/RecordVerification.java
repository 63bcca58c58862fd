package com.complaintdesk.improvement;

import static com.complaintdesk.improvement.ImprovementVariables.*;

import com.complaintdesk.complaint.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The manager's verdict: the improvement works (the action closes), or it needs more work (back to its owner, who
 * reads the note). Sets {@code verified}.
 */
@Component("recordVerification")
public class RecordVerification implements TaskListener {

  private final ImprovementActionRepository actions;

  public RecordVerification(ImprovementActionRepository actions) {
    this.actions = actions;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean verified = TaskInput.flag(task, VERIFIED);
    String note = verified ? TaskInput.optional(task, VERIFICATION_NOTE)
        : TaskInput.required(task, VERIFICATION_NOTE, "Say what still needs to change.");
    actions.recordVerification((Long) task.getVariable(IMPROVEMENT_ID), verified, note);
    task.setVariable(VERIFIED, verified);
    task.setVariable(VERIFICATION_NOTE, note);
  }
}
