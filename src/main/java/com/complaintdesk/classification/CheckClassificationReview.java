package com.complaintdesk.classification;

import static com.complaintdesk.complaint.ComplaintVariables.*;

import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.InvalidTaskInput;
import com.complaintdesk.complaint.Priority;
import com.complaintdesk.complaint.TaskInput;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Checks what the triage reviewer decided before the task completes: either a known original complaint
 * (a duplicate), or a full classification. A reviewer who gave neither sees the reason in Tasklist.
 */
@Component("checkClassificationReview")
public class CheckClassificationReview implements TaskListener {

  private final ComplaintRepository complaints;
  private final Catalogue catalogue;

  public CheckClassificationReview(ComplaintRepository complaints, Catalogue catalogue) {
    this.complaints = complaints;
    this.catalogue = catalogue;
  }

  @Override
  public void notify(DelegateTask task) {
    String duplicateOf = TaskInput.optional(task, DUPLICATE_OF);
    boolean duplicate = duplicateOf != null;
    if (duplicate) {
      checkOriginal(duplicateOf, task.getExecution().getProcessBusinessKey());
      task.setVariable(DUPLICATE_OF, duplicateOf);
    } else {
      requireOneOf(CATEGORY, task.getVariable(CATEGORY), catalogue.categoryIds());
      requireOneOf(PRIORITY, task.getVariable(PRIORITY), Arrays.stream(Priority.values()).map(Priority::name).toList());
      requireOneOf(DEPARTMENT, task.getVariable(DEPARTMENT), catalogue.departmentIds());
      // Triage's classification stands: the suggestion learns from it.
      complaints.recordClassificationSettled(complaints.get(task.getExecution().getProcessBusinessKey()).id(),
          ClockUtil.getCurrentTime().toInstant());
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

  private static void requireOneOf(String field, Object value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new InvalidTaskInput("Choose a " + field + " (one of " + String.join(", ", allowed)
          + "), or give the tracking number of the original complaint.");
    }
  }

}
