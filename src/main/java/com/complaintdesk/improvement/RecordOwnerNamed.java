package com.complaintdesk.improvement;

import static com.complaintdesk.improvement.ImprovementVariables.*;

import com.complaintdesk.complaint.InvalidTaskInput;
import com.complaintdesk.complaint.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The lead's answer to "Name owner": the owner from the department, or that no action is needed and why. Sets
 * {@code actionNeeded}.
 */
@Component("recordOwnerNamed")
public class RecordOwnerNamed implements TaskListener {

  private final ImprovementActionRepository actions;

  public RecordOwnerNamed(ImprovementActionRepository actions) {
    this.actions = actions;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = (Long) task.getVariable(IMPROVEMENT_ID);
    boolean declined = TaskInput.flag(task, NO_ACTION_NEEDED);
    task.setVariable(ACTION_NEEDED, !declined);
    if (declined) {
      String reason = TaskInput.required(task, DECLINE_REASON, "Say why no improvement is needed.");
      actions.recordDeclined(id, reason, ClockUtil.getCurrentTime().toInstant());
      task.setVariable(DECLINE_REASON, reason);
      return;
    }
    String owner = TaskInput.required(task, OWNER, "Choose the owner from your department, or tick that no action is"
        + " needed.");
    if (owner.contains(",")) {
      throw new InvalidTaskInput("owner must be one user of the department, was " + owner);
    }
    actions.recordOwner(id, owner);
    task.setVariable(OWNER, owner);
  }
}
