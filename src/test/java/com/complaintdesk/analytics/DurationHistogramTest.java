package com.complaintdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Percentiles from merged 2 % buckets stay within 2 % of the exact ones (SQL's percentile_cont). */
class DurationHistogramTest {

  @Test
  void percentilesOfSkewedDurationsAreWithinTwoPercent() {
    var random = new Random(7);
    long[] seconds = new long[5_000];
    var first = new DurationHistogram();
    var second = new DurationHistogram();
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = (long) (3600 * 20 * Math.exp(1.2 * random.nextGaussian()));
      (i % 2 == 0 ? first : second).add(seconds[i]);
    }
    var merged = new DurationHistogram();
    merged.addAll(first.toString());
    merged.addAll(second.toString());
    Arrays.sort(seconds);

    assertThat(merged.count()).isEqualTo(seconds.length);
    for (double p : new double[] {0.1, 0.5, 0.9, 0.99}) {
      double exact = exact(seconds, p);
      assertThat(merged.percentile(p)).as("percentile %s", p).isCloseTo(exact, within(exact * 0.02));
    }
  }

  @Test
  void durationsUnderAMinuteShareOneBucketAndAnEmptyHistogramHasNoPercentile() {
    var histogram = new DurationHistogram();
    assertThat(histogram.percentile(0.5)).isNull();
    assertThat(histogram.toString()).isNull();

    histogram.add(0L);
    histogram.add(59L);
    histogram.add(null);
    assertThat(histogram.count()).isEqualTo(2);
    assertThat(histogram.toString()).isEqualTo("0:2");
    assertThat(histogram.percentile(0.5)).isBetween(0.0, 60.0);
  }

  private static double exact(long[] sorted, double p) {
    double rank = p * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
  }
}
