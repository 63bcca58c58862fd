package com.complaintdesk.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications are delivered ({@code complaint-desk.notifications.*}, documented in application.yaml).
 *
 * @param dispatchInterval pause between two runs of the dispatcher
 * @param maxAttempts delivery attempts in all, the first included, before a notification is FAILED
 * @param retryInterval wait after the first failed attempt
 * @param retryMultiplier factor by which each further wait grows (1 waits retryInterval every time)
 * @param from the sender address of mail
 * @param newGroupTask whether a group is told when a task waits in its queue
 */
@ConfigurationProperties("complaint-desk.notifications")
public record NotificationProperties(
    @DefaultValue("PT5S") Duration dispatchInterval,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("PT5M") Duration retryInterval,
    @DefaultValue("2") double retryMultiplier,
    @DefaultValue("complaint-desk@localhost") String from,
    @DefaultValue("true") boolean newGroupTask) {

  public NotificationProperties {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("complaint-desk.notifications.max-attempts must be 1 or more, not " + maxAttempts);
    }
    if (retryMultiplier < 1) {
      throw new IllegalArgumentException(
          "complaint-desk.notifications.retry-multiplier must be 1 (a fixed interval) or more, not " + retryMultiplier);
    }
  }

  /** The wait after the given number of failed attempts: retryInterval, then growing by retryMultiplier. */
  Duration retryDelayAfter(int failedAttempts) {
    double factor = Math.pow(retryMultiplier, Math.max(0, failedAttempts - 1));
    return Duration.ofMillis(Math.round(retryInterval.toMillis() * factor));
  }
}
