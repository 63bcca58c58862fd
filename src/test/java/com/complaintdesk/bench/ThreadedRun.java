package com.complaintdesk.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A step run over and over by several threads for the benchmark's window (after its warm-up): how many steps ended
 * in the window per second, and what failed. Every thread runs at least one step, so that a broken step shows even
 * in the shortest run.
 */
final class ThreadedRun {

  /** One step; it throws when it failed. {@code n} numbers the steps of the run. */
  interface Step {
    void run(long n) throws Exception;
  }

  final double perSecond;
  final long failed;
  final String firstFailure;

  private ThreadedRun(double perSecond, long failed, String firstFailure) {
    this.perSecond = perSecond;
    this.failed = failed;
    this.firstFailure = firstFailure;
  }

  static ThreadedRun of(NodeBenchmark.Settings settings, int threads, String name, Step step)
      throws InterruptedException {
    var ended = new AtomicLong();
    var failed = new AtomicLong();
    var firstFailure = new AtomicReference<String>();
    var counter = new AtomicLong();
    long measureFrom = System.nanoTime() + Duration.ofSeconds(settings.warmUpSeconds()).toNanos();
    long measureUntil = measureFrom + Duration.ofSeconds(settings.seconds()).toNanos();
    var finished = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      var thread = new Thread(() -> {
        try {
          do {
            try {
              step.run(counter.incrementAndGet());
              long now = System.nanoTime();
              if (now >= measureFrom && now <= measureUntil) {
                ended.incrementAndGet();
              }
            } catch (Exception | AssertionError e) {
              failed.incrementAndGet();
              firstFailure.compareAndSet(null, e.toString());
            }
          } while (System.nanoTime() < measureUntil);
        } finally {
          finished.countDown();
        }
      }, "bench-" + name + "-" + t);
      thread.setDaemon(true);
      thread.start();
    }
    finished.await();
    return new ThreadedRun(ended.get() / (double) settings.seconds(), failed.get(), firstFailure.get());
  }
}
