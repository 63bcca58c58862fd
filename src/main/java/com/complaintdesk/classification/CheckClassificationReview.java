package com.complaintdesk.classification;

import static com.complaintdesk.complaint.ComplaintVariables.*;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Department;
import com.complaintdesk.complaint.InvalidTaskInput;
import com.complaintdesk.complaint.Priority;
import com.complaintdesk.complaint.TaskInput;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks what the triage reviewer decided before the task completes: either a known original complaint
 * (a duplicate), or a full classification. A reviewer who gave neither sees the reason in Tasklist.
 */
@Component("checkClassificationReview")
public class CheckClassificationReview implements TaskListener {

  private final ComplaintRepository complaints;

  public CheckClassificationReview(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateTask task) {
    String duplicateOf = TaskInput.optional(task, DUPLICATE_OF);
    boolean duplicate = duplicateOf != null;
    if (duplicate) {
      checkOriginal(duplicateOf, task.getExecution().getProcessBusinessKey());
      task.setVariable(DUPLICATE_OF, duplicateOf);
    } else {
      requireOneOf(CATEGORY, task.getVariable(CATEGORY), Category.values());
      requireOneOf(PRIORITY, task.getVariable(PRIORITY), Priority.values());
      requireOneOf(DEPARTMENT, task.getVariable(DEPARTMENT), Department.values());
    }
    task.setVariable(MARKED_DUPLICATE, duplicate);
  }

  private void checkOriginal(String duplicateOf, String ownTrackingNumber) {
    if (duplicateOf.equals(ownTrackingNumber)) {
      throw new InvalidTaskInput("A complaint cannot be a duplicate of itself.");
    }
    if (complaints.findByTrackingNumber(duplicateOf).isEmpty()) {
      throw new InvalidTaskInput("There is no complaint " + duplicateOf + ": check the tracking number of the original.");
    }
  }

  private static void requireOneOf(String field, Object value, Enum<?>[] allowed) {
    if (value == null || Arrays.stream(allowed).noneMatch(option -> option.name().equals(value))) {
      throw new InvalidTaskInput("Choose a " + field + " (one of " + Arrays.toString(allowed)
          + "), or give the tracking number of the original complaint.");
    }
  }

}
