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
    Object value = task.getVariable(variable);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value == null) {
      return false;
    }
    throw new InvalidTaskInput(variable + " must be true or false, was " + value);
  }
}
