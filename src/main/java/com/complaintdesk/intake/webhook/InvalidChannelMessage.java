package com.complaintdesk.intake.webhook;

/** A webhook message that is well-formed but does not fit its channel or its complaint: 400 naming the field. */
public class InvalidChannelMessage extends RuntimeException {

  private final String field;

  InvalidChannelMessage(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
