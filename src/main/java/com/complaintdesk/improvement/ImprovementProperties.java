package com.complaintdesk.improvement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hot topics and improvement actions ({@code complaint-desk.improvements}, documented in application.yaml). How often
 * the watch looks is the timer of processes/hot-topic-watch.bpmn; when a rise is an alert is hot-topic-alert.dmn.
 *
 * @param window the recent span whose complaints are compared (a week)
 * @param baselineWeeks how many windows before it make the average they are compared with
 * @param proposalTime how long the named owner has to propose the improvement
 * @param reminderBefore how long before the improvement's due date its owner is reminded
 * @param observationPeriod how long the complaints are watched after the improvement, before a manager verifies it
 * @param linkedComplaints at most this many complaints of a hot topic are linked to its action (the latest)
 */
@ConfigurationProperties("complaint-desk.improvements")
public record ImprovementProperties(
    @DefaultValue("P7D") Duration window,
    @DefaultValue("4") int baselineWeeks,
    @DefaultValue("P5D") Duration proposalTime,
    @DefaultValue("P2D") Duration reminderBefore,
    @DefaultValue("P14D") Duration observationPeriod,
    @DefaultValue("200") int linkedComplaints) {

  public ImprovementProperties {
    if (window.isZero() || window.isNegative() || baselineWeeks < 1) {
      throw new IllegalArgumentException("complaint-desk.improvements: the window must be positive and baseline-weeks"
          + " at least 1 (got " + window + " and " + baselineWeeks + ")");
    }
  }

  /** The defaults of application.yaml, for code outside the app (the dashboard's figures in tests, the benchmark). */
  public static ImprovementProperties defaults() {
    return new ImprovementProperties(Duration.ofDays(7), 4, Duration.ofDays(5), Duration.ofDays(2), Duration.ofDays(14),
        200);
  }

  /** The span before the window whose average the window is compared with. */
  public Duration baseline() {
    return window.multipliedBy(baselineWeeks);
  }
}
