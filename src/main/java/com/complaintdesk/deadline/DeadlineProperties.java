package com.complaintdesk.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param loggingWindow how long after receipt a staff-captured complaint must be logged (policy: 24 hours)
 * @param reminderAtShare the share of the response time after which the handler is reminded
 */
@ConfigurationProperties("complaint-desk.deadlines")
public record DeadlineProperties(
    @DefaultValue("PT24H") Duration loggingWindow,
    @DefaultValue("0.66") double reminderAtShare) {

  public DeadlineProperties {
    if (reminderAtShare <= 0 || reminderAtShare >= 1) {
      throw new IllegalArgumentException(
          "complaint-desk.deadlines.reminder-at-share must be between 0 and 1 (exclusive), was " + reminderAtShare);
    }
  }
}
