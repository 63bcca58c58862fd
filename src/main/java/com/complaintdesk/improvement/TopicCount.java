package com.complaintdesk.improvement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many complaints a topic had in the recent window, and in the baseline windows before it.
 *
 * @param recent complaints received in the window
 * @param baseline complaints received in the baseline windows together
 * @param baselineWindows how many windows the baseline spans
 */
public record TopicCount(Topic topic, int recent, int baseline, int baselineWindows) {

  /** The average per window of the baseline, to two decimals. */
  public BigDecimal weeklyAverage() {
    return BigDecimal.valueOf(baseline).divide(BigDecimal.valueOf(baselineWindows), 2, RoundingMode.HALF_UP);
  }

  /**
   * The recent count as a multiple of the average; a topic new in the window counts as risen against an average of
   * one, so that a single complaint is never an infinite rise.
   */
  public BigDecimal rise() {
    return BigDecimal.valueOf(recent).divide(weeklyAverage().max(BigDecimal.ONE), 2, RoundingMode.HALF_UP);
  }
}
