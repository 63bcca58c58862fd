package com.complaintdesk.improvement;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An improvement action as the table improvement_action holds it.
 *
 * @param hotTopicId the alert that started it; null when a manager did
 * @param startedBy the manager's user id, or {@link #BY_HOT_TOPIC_WATCH}
 */
public record ImprovementAction(long id, Topic topic, String department, Long hotTopicId, String startedBy,
    ImprovementStatus status, String owner, String proposal, Instant dueAt, String outcome, BigDecimal volumeBefore,
    BigDecimal volumeAfter, String processInstanceId, Instant createdAt, Instant implementedAt, Instant endedAt,
    Boolean deliveredOnTime) {

  public static final String BY_HOT_TOPIC_WATCH = "hot-topic-watch";
  private static final String PREFIX = "IA-";

  /** The business key of its process instance and what staff call it: IA-00012. */
  public String reference() {
    return referenceOf(id);
  }

  public static String referenceOf(long id) {
    return PREFIX + String.format("%05d", id);
  }

  /** @throws IllegalArgumentException for anything but a reference */
  public static long idOf(String reference) {
    if (reference == null || !reference.matches(PREFIX + "\\d{1,18}")) {
      throw new IllegalArgumentException("'" + reference + "' is no improvement action reference (IA-00012)");
    }
    return Long.parseLong(reference.substring(PREFIX.length()));
  }
}
