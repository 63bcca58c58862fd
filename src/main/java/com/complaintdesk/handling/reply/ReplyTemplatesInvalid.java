package com.complaintdesk.handling.reply;

import java.util.List;

/** The reply templates cannot be used as they are; the message names each file and what to fix. */
public class ReplyTemplatesInvalid extends RuntimeException {

  private final String location;

  ReplyTemplatesInvalid(String location, List<ReplyTemplateReader.Problem> problems) {
    super("The reply templates under " + location + " cannot be used:\n  "
        + String.join("\n  ", problems.stream().map(Object::toString).toList()));
    this.location = location;
  }

  /** Where the app was told to find the templates (complaint-desk.replies.location). */
  public String location() {
    return location;
  }
}
