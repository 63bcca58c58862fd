package com.complaintdesk.notification;

import java.util.Arrays;
import java.util.List;

/** The user or group ids a model names in an input parameter ("complaint-managers, tech-support-leads"). */
public final class StaffIds {

  private StaffIds() {
  }

  /** Comma-separated ids, trimmed, without blanks and repeats; none for null. */
  public static List<String> of(Object commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.toString().split(","))
        .map(String::trim)
        .filter(id -> !id.isEmpty())
        .distinct()
        .toList();
  }
}
