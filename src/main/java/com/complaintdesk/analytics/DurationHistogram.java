package com.complaintdesk.analytics;

import java.util.Arrays;

/**
 * Durations counted in buckets 2 % wide (under a minute: one bucket), so that a summary row can hold a stage's
 * times in a few hundred characters and percentiles of any number of rows come from merged buckets. A percentile
 * read from them is within 2 % of the exact one (half a bucket either way); counts are exact.
 */
final class DurationHistogram {

  private static final double RATIO = 1.02;
  private static final double LOG_RATIO = Math.log(RATIO);
  private static final double MINUTE = 60;

  /** Enough for a century: a longer duration counts in the last bucket. */
  private static final int BUCKETS = 1_000;

  // An array, not a map: the dashboard merges thousands of histograms per view.
  private final long[] buckets = new long[BUCKETS];

  static int bucket(long seconds) {
    return seconds < MINUTE ? 0 : Math.min(BUCKETS - 1, 1 + (int) Math.floor(Math.log(seconds / MINUTE) / LOG_RATIO));
  }

  private static double lower(int bucket) {
    return bucket == 0 ? 0 : MINUTE * Math.pow(RATIO, bucket - 1);
  }

  private static double upper(int bucket) {
    return bucket == 0 ? MINUTE : MINUTE * Math.pow(RATIO, bucket);
  }

  void add(Long seconds) {
    if (seconds != null) {
      buckets[bucket(Math.max(0, seconds))]++;
    }
  }

  /** Adds another histogram written by {@link #toString()}; null or empty adds nothing. */
  void addAll(String written) {
    if (written == null || written.isEmpty()) {
      return;
    }
    int start = 0;
    while (start < written.length()) {
      int colon = written.indexOf(':', start);
      int comma = written.indexOf(',', colon);
      int end = comma < 0 ? written.length() : comma;
      buckets[Integer.parseInt(written, start, colon, 10)] += Long.parseLong(written, colon + 1, end, 10);
      start = end + 1;
    }
  }

  long count() {
    return Arrays.stream(buckets).sum();
  }

  /**
   * The p-th percentile in seconds (p from 0 to 1), interpolated between the two nearest ranks like SQL's
   * percentile_cont; each bucket's values taken as spread evenly over it. Null when empty.
   */
  Double percentile(double p) {
    long count = count();
    if (count == 0) {
      return null;
    }
    double rank = p * (count - 1);
    long below = (long) Math.floor(rank);
    double low = valueAt(below);
    double high = valueAt(Math.min(count - 1, below + 1));
    return low + (rank - below) * (high - low);
  }

  private double valueAt(long rank) {
    long before = 0;
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      long inBucket = buckets[bucket];
      if (rank < before + inBucket) {
        double position = (rank - before + 0.5) / inBucket;
        return lower(bucket) + position * (upper(bucket) - lower(bucket));
      }
      before += inBucket;
    }
    throw new IllegalStateException("rank " + rank + " beyond " + before);
  }

  /** "bucket:count" pairs, or null when empty: what a summary row stores. */
  @Override
  public String toString() {
    StringBuilder written = new StringBuilder();
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      if (buckets[bucket] > 0) {
        written.append(written.isEmpty() ? "" : ",").append(bucket).append(':').append(buckets[bucket]);
      }
    }
    return written.isEmpty() ? null : written.toString();
  }
}
