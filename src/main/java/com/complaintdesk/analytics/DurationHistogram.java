package com.complaintdesk.analytics;

import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted in buckets 2 % wide (under a minute: one bucket), so that a summary row can hold a stage's
 * times in a few hundred characters and percentiles of any number of rows come from merged buckets. A percentile
 * read from them is within 2 % of the exact one (half a bucket either way); counts are exact.
 */
final class DurationHistogram {

  private static final double RATIO = 1.02;
  private static final double LOG_RATIO = Math.log(RATIO);
  private static final double MINUTE = 60;

  private final TreeMap<Integer, Long> buckets = new TreeMap<>();

  static int bucket(long seconds) {
    return seconds < MINUTE ? 0 : 1 + (int) Math.floor(Math.log(seconds / MINUTE) / LOG_RATIO);
  }

  private static double lower(int bucket) {
    return bucket == 0 ? 0 : MINUTE * Math.pow(RATIO, bucket - 1);
  }

  private static double upper(int bucket) {
    return bucket == 0 ? MINUTE : MINUTE * Math.pow(RATIO, bucket);
  }

  void add(Long seconds) {
    if (seconds != null) {
      buckets.merge(bucket(Math.max(0, seconds)), 1L, Long::sum);
    }
  }

  /** Adds another histogram written by {@link #toString()}; null or empty adds nothing. */
  void addAll(String written) {
    if (written == null || written.isEmpty()) {
      return;
    }
    for (String pair : written.split(",")) {
      int colon = pair.indexOf(':');
      buckets.merge(Integer.parseInt(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)), Long::sum);
    }
  }

  long count() {
    return buckets.values().stream().mapToLong(Long::longValue).sum();
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
    for (Map.Entry<Integer, Long> bucket : buckets.entrySet()) {
      long inBucket = bucket.getValue();
      if (rank < before + inBucket) {
        double position = (rank - before + 0.5) / inBucket;
        return lower(bucket.getKey()) + position * (upper(bucket.getKey()) - lower(bucket.getKey()));
      }
      before += inBucket;
    }
    throw new IllegalStateException("rank " + rank + " beyond " + before);
  }

  /** "bucket:count" pairs, or null when empty: what a summary row stores. */
  @Override
  public String toString() {
    if (buckets.isEmpty()) {
      return null;
    }
    StringBuilder written = new StringBuilder();
    buckets.forEach((bucket, count) -> written.append(written.isEmpty() ? "" : ",").append(bucket).append(':')
        .append(count));
    return written.toString();
  }
}
