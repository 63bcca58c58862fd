package com.complaintdesk.intake;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per client address: {@code perMinute} requests at once, refilled evenly over the minute;
 * 0 means no limit. Only the most recently seen {@code maxClients} addresses keep a bucket, so a flood of
 * addresses costs bounded memory; an address pushed out starts afresh, which at worst lets it in again.
 */
class ClientRateLimiter {

  private final int perMinute;
  private final TimeMeter clock;
  private final Map<String, Bucket> buckets;

  /** Whether a request may go ahead, and if not, how long its client should wait. */
  record Admission(boolean admitted, Duration retryAfter) {
  }

  ClientRateLimiter(int perMinute, int maxClients, TimeMeter clock) {
    if (perMinute < 0 || maxClients <= 0) {
      throw new IllegalArgumentException("a rate limit needs a rate of 0 (none) or more and room for clients");
    }
    this.perMinute = perMinute;
    this.clock = clock;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxClients;
      }
    };
  }

  Admission admit(String client) {
    if (perMinute == 0) {
      return new Admission(true, Duration.ZERO);
    }
    var probe = bucketOf(client).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? new Admission(true, Duration.ZERO)
        : new Admission(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  synchronized int trackedClients() {
    return buckets.size();
  }

  private synchronized Bucket bucketOf(String client) {
    return buckets.computeIfAbsent(client, address -> Bucket.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
        .withCustomTimePrecision(clock)
        .build());
  }
}
