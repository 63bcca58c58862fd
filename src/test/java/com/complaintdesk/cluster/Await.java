package com.complaintdesk.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition (a database read) until it holds, or fails at the deadline saying what was seen last. */
final class Await {

  private static final Duration POLL = Duration.ofMillis(250);

  private Await() {
  }

  /** Returns how long it took. */
  static Duration until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
    Instant start = Instant.now();
    Instant deadline = start.plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        fail("Not within " + timeout + ": " + what + ". Last seen: " + state.get());
      }
      Await.pause(POLL);
    }
    return Duration.between(start, Instant.now());
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
