package com.complaintdesk.intake;

import java.util.Locale;
import org.springframework.web.util.UriComponentsBuilder;

/** The complainant's status page: its private link, and the one-time notices it shows after an action. */
public final class StatusPage {

  private StatusPage() {
  }

  /** The notices the status page knows; anything else in the URL is ignored. */
  public enum Notice {
    SUBMITTED, ANSWER_THANKS, ANSWER_CLOSED, ANSWER_MISSING, SURVEY_THANKS, SURVEY_CLOSED, SURVEY_MISSING, WITHDRAWN, NOT_WITHDRAWABLE,
    IMPROVEMENT_NOTICE_THANKS, IMPROVEMENT_NOTICE_NOT_OFFERED;

    static Notice of(String value) {
      for (Notice notice : values()) {
        if (notice.param().equals(value)) {
          return notice;
        }
      }
      return null;
    }

    String param() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public static String link(String trackingNumber, String token, Notice notice) {
    var link = UriComponentsBuilder.fromPath("/complaints/{trackingNumber}").queryParam("token", token);
    if (notice != null) {
      link.queryParam("notice", notice.param());
    }
    return link.buildAndExpand(trackingNumber).encode().toUriString();
  }
}
