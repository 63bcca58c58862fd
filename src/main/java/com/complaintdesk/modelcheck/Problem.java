package com.complaintdesk.modelcheck;

/**
 * One thing wrong with the models, said so that a designer can fix it: the file, the element (a BPMN or DMN id,
 * a form field, a test table line; may be null) and what is wrong and what to do.
 */
public record Problem(String file, String element, String message) {

  @Override
  public String toString() {
    return file + (element == null ? "" : " [" + element + "]") + ": " + message;
  }
}
