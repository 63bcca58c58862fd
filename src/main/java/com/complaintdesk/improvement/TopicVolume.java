package com.complaintdesk.improvement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A topic's complaints per window (a week) before and after its improvement: before, the baseline windows up to the
 * action's start; after, from when it was carried out until now. The verifying manager and the dashboard read the
 * same figures.
 */
@Component
public class TopicVolume {

  private final TopicCounts counts;
  private final ImprovementProperties properties;

  public TopicVolume(TopicCounts counts, ImprovementProperties properties) {
    this.counts = counts;
    this.properties = properties;
  }

  /** The volumes over a database outside the app (the dashboard's figures in tests and the benchmark). */
  public static TopicVolume over(JdbcClient jdbc, ImprovementProperties properties) {
    return new TopicVolume(new TopicCounts(jdbc), properties);
  }

  /** Complaints per window in the baseline windows before the action started. */
  public BigDecimal before(Topic topic, Instant started) {
    return perWindow(counts.count(topic, started.minus(properties.baseline()), started), properties.baseline());
  }

  /** Complaints per window from when the improvement was carried out until now; zero when that is no time yet. */
  public BigDecimal after(Topic topic, Instant implemented, Instant now) {
    return perWindow(counts.count(topic, implemented, now), Duration.between(implemented, now));
  }

  private BigDecimal perWindow(int complaints, Duration span) {
    if (span.isZero() || span.isNegative()) {
      return BigDecimal.ZERO;
    }
    return BigDecimal.valueOf(complaints).multiply(BigDecimal.valueOf(properties.window().toSeconds()))
        .divide(BigDecimal.valueOf(span.toSeconds()), 2, RoundingMode.HALF_UP);
  }
}
