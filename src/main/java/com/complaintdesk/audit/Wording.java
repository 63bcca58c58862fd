package com.complaintdesk.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the audit page words codes, times and durations; staff pages are in English, times in UTC. */
final class Wording {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  /** Longer input is not what was asked for (a tracking number, a filter value) and is not echoed back whole. */
  private static final int MAX_ECHO = 40;

  private Wording() {
  }

  /** What somebody typed, for an answer that quotes it: at most 40 characters. */
  static String echo(String input) {
    return input.length() > MAX_ECHO ? input.substring(0, MAX_ECHO) + "…" : input;
  }

  /** "Response deadline breached" for RESPONSE_DEADLINE_BREACHED. */
  static String words(String code) {
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static String time(Instant instant) {
    return instant == null ? "–" : TIME.format(instant);
  }

  /** "2 d 3 h", "5 h 12 min", "40 s": the two largest units are enough to judge a wait. */
  static String duration(Duration duration) {
    if (duration == null) {
      return "–";
    }
    long seconds = Math.max(duration.toSeconds(), 0);
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    if (days > 0) {
      return days + " d" + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    }
    return minutes > 0 ? minutes + " min" : seconds % 60 + " s";
  }
}
