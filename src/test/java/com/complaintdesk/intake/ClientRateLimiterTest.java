package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The limiter on a clock the test moves, so refills are exact and nothing waits. */
class ClientRateLimiterTest {

  final MovableClock clock = new MovableClock();

  @Test
  void admitsTheLimitAtOnceThenSaysWhenTheNextRequestMayCome() {
    var limiter = new ClientRateLimiter(3, 100, clock);

    assertThat(IntStream.range(0, 3).mapToObj(i -> limiter.admit("198.51.100.1").admitted())).containsOnly(true);
    var refused = limiter.admit("198.51.100.1");
    assertThat(refused.admitted()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(20));

    clock.advance(Duration.ofSeconds(19));
    assertThat(limiter.admit("198.51.100.1").retryAfter()).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.admit("198.51.100.1").admitted()).as("one request refilled after a third of a minute").isTrue();
    assertThat(limiter.admit("198.51.100.1").admitted()).isFalse();
  }

  @Test
  void eachAddressHasItsOwnLimit() {
    var limiter = new ClientRateLimiter(1, 100, clock);

    assertThat(limiter.admit("198.51.100.1").admitted()).isTrue();
    assertThat(limiter.admit("198.51.100.1").admitted()).isFalse();
    assertThat(limiter.admit("198.51.100.2").admitted()).isTrue();
  }

  @Test
  void keepsBucketsForTheMostRecentAddressesOnly() {
    var limiter = new ClientRateLimiter(1, 2, clock);
    limiter.admit("198.51.100.1");
    limiter.admit("198.51.100.2");
    limiter.admit("198.51.100.2");

    IntStream.range(3, 1000).forEach(i -> limiter.admit("10.0." + i / 256 + "." + i % 256));

    assertThat(limiter.trackedClients()).isEqualTo(2);
    assertThat(limiter.admit("198.51.100.2").admitted()).as("forgotten, so it starts afresh").isTrue();
  }

  @Test
  void zeroMeansNoLimit() {
    var limiter = new ClientRateLimiter(0, 2, clock);

    assertThat(IntStream.range(0, 1000).mapToObj(i -> limiter.admit("198.51.100.1").admitted())).containsOnly(true);
    assertThat(limiter.trackedClients()).isZero();
  }

  static final class MovableClock implements TimeMeter {

    private long nanos;

    void advance(Duration duration) {
      nanos += duration.toNanos();
    }

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }
}
