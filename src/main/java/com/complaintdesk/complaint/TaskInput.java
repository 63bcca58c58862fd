package com.complaintdesk.complaint;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** Reads what a user entered in a task form, refusing the completion when a required answer is missing. */
public final class TaskInput {

  private TaskInput() {
  }

  public static String required(DelegateTask task, String variable, String whatToDo) {
    Object value = task.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidTaskInput(variable + " is missing: " + whatToDo);
    }
    return value.toString().trim();
  }

  public static String optional(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  public static boolean flag(DelegateTask task, String variable) {
    return flagOf(variable, task.getVariable(variable));
  }

  /**
   * What the form submitted for a variable the task offered as its own (task-local): Tasklist's form submission
   * replaces the task's value, which ends with the task, while a plain completion (REST {@code /complete},
   * {@code TaskService.complete}) sets it on the process, from where it is taken away here so that it does not stay.
   */
  public static Object offered(DelegateTask task, String variable) {
    var execution = task.getExecution();
    if (execution.hasVariable(variable)) {
      Object submitted = execution.getVariable(variable);
      execution.removeVariable(variable);
      return submitted;
    }
    return task.getVariableLocal(variable);
  }

  /** {@link #offered} as a text: null when empty. */
  public static String offeredText(DelegateTask task, String variable) {
    Object value = offered(task, variable);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** {@link #offered} as a flag: false when not given. */
  public static boolean offeredFlag(DelegateTask task, String variable) {
    return flagOf(variable, offered(task, variable));
  }

  /** False when not given. */
  private static boolean flagOf(String variable, Object value) {
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    throw new InvalidTaskInput(variable + " must be true or false, was " + value);
  }
}
