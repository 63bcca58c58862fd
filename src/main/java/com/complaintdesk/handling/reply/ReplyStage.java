package com.complaintdesk.handling.reply;

import static com.complaintdesk.complaint.ComplaintVariables.PROGRESS_REPLY;
import static com.complaintdesk.complaint.ComplaintVariables.RESULT_REPLY;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps at which the handler replies to the complainant, each with its folder of templates (named like the
 * task's form) and the task-local variable that carries the filled draft into the form.
 */
public enum ReplyStage {
  /** The progress note of "Implement plan", sent when the handler chooses to. */
  IMPLEMENT_PLAN("ImplementPlan", "implement-plan", PROGRESS_REPLY),
  /** The message that goes with the result and the survey link once "Confirm result" says the goal is met. */
  CONFIRM_RESULT("ConfirmResult", "confirm-result", RESULT_REPLY);

  private final String taskId;
  private final String folder;
  private final String draftVariable;

  ReplyStage(String taskId, String folder, String draftVariable) {
    this.taskId = taskId;
    this.folder = folder;
    this.draftVariable = draftVariable;
  }

  public String taskId() {
    return taskId;
  }

  /** The folder of the stage's templates under the replies location, e.g. {@code implement-plan}. */
  public String folder() {
    return folder;
  }

  public String draftVariable() {
    return draftVariable;
  }

  public static Optional<ReplyStage> ofTask(String taskId) {
    return Arrays.stream(values()).filter(stage -> stage.taskId.equals(taskId)).findFirst();
  }

  public static Optional<ReplyStage> ofFolder(String folder) {
    return Arrays.stream(values()).filter(stage -> stage.folder.equals(folder)).findFirst();
  }
}
