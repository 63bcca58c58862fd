package com.complaintdesk.complaint;

import org.camunda.bpm.engine.ProcessEngineException;

/** What a user entered in a task form breaks a rule; the message tells them what to change. */
public class InvalidTaskInput extends ProcessEngineException {

  public InvalidTaskInput(String message) {
    super(message);
  }
}
