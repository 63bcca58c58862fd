package com.complaintdesk.handling.reply;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location the folder of the reply templates: the jar's copy of processes/replies/ unless set, e.g.
 *     {@code file:/srv/complaint-desk/replies/}; it holds a folder per stage (implement-plan, confirm-result)
 */
@ConfigurationProperties("complaint-desk.replies")
public record ReplyTemplatesProperties(@DefaultValue(ReplyTemplates.DEFAULT_LOCATION) String location) {

  /** The location as a folder, ending with a slash, so that the stage folders resolve beneath it. */
  public String folder() {
    return location.endsWith("/") ? location : location + "/";
  }
}
