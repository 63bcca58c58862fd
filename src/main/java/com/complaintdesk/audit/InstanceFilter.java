package com.complaintdesk.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the auditors' History tab asks for: one end state or all, breached an SLA or not (null: either way), started
 * in a period of days (UTC, both ends included), a tracking number or its beginning, and one page of the list.
 * Built from the query parameters as typed, so that every wrong value gets its own readable answer.
 */
record InstanceFilter(EndState state, Boolean breached, LocalDate from, LocalDate to, String trackingNumber,
    int firstResult, int maxResults) {

  static final int MAX_PAGE = 200;
  private static final int DEFAULT_PAGE = 50;
  /** Up to a whole tracking number; its beginning is enough. */
  private static final String TRACKING_NUMBER_START = "[A-Z0-9-]{1,13}";

  static InstanceFilter parse(String state, String breached, String from, String to, String trackingNumber,
      String firstResult, String maxResults) {
    var filter = new InstanceFilter(state(state), breached(breached), date("from", from), date("to", to),
        trackingNumber(trackingNumber), number("firstResult", firstResult, 0, Integer.MAX_VALUE, 0),
        number("maxResults", maxResults, 1, MAX_PAGE, DEFAULT_PAGE));
    if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
      throw new InvalidInstanceFilter("to: " + filter.to() + " is before from (" + filter.from() + ")");
    }
    return filter;
  }

  private static EndState state(String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return EndState.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInstanceFilter("state: '" + Wording.echo(value) + "' is not an end state; use one of "
          + Arrays.stream(EndState.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
  }

  private static Boolean breached(String value) {
    if (blank(value)) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new InvalidInstanceFilter("breached: '" + Wording.echo(value) + "' is neither true nor false");
    };
  }

  private static LocalDate date(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInstanceFilter(name + ": '" + Wording.echo(value) + "' is not a day like 2026-11-01");
    }
  }

  private static String trackingNumber(String value) {
    if (blank(value)) {
      return null;
    }
    String wanted = value.strip().toUpperCase(Locale.ROOT);
    if (!wanted.matches(TRACKING_NUMBER_START)) {
      throw new InvalidInstanceFilter("trackingNumber: '" + Wording.echo(value) + "' is not (the beginning of) a tracking"
          + " number like CD-7K3M9Q2XWA");
    }
    return wanted;
  }

  private static int number(String name, String value, int min, int max, int absent) {
    if (blank(value)) {
      return absent;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidInstanceFilter(name + ": '" + Wording.echo(value) + "' is not a whole number from " + min
        + (max == Integer.MAX_VALUE ? " up" : " to " + max));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
