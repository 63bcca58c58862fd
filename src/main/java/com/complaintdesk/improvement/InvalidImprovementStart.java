package com.complaintdesk.improvement;

/** A manager's start of an improvement action that cannot be taken as given; the message says what to change. */
public class InvalidImprovementStart extends RuntimeException {

  public InvalidImprovementStart(String message) {
    super(message);
  }
}
