package com.complaintdesk.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A fixed number of clients, each sending one request after the other for a fixed time (a closed loop, as users of
 * an app do): after a warm-up that is not counted, the requests answered within the measured window count,
 * each with its latency. Plain threads (Java 17 has no virtual threads), one shared HTTP/1.1 client that keeps its
 * connections open.
 */
final class HttpLoad {

  /** What the clients achieved in the measured window. */
  record Result(String what, int clients, long completed, long failed, double seconds, double[] sortedMillis,
      String firstFailure) {

    double perSecond() {
      return completed / seconds;
    }

    double percentile(double p) {
      if (sortedMillis.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sortedMillis.length) - 1;
      return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, index))];
    }
  }

  private HttpLoad() {
  }

  /**
   * Runs the clients; {@code request} builds the n-th request (n unique across clients). A request fails when it
   * throws or is answered with anything but 2xx.
   */
  static Result run(String what, int clients, Duration warmUp, Duration measured, LongFunction<HttpRequest> request)
      throws InterruptedException {
    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .build();
    var sequence = new AtomicLong();
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long measureUntil = measureFrom + measured.toNanos();
    long[][] latencies = new long[clients][];
    int[] counts = new int[clients];
    long[] failures = new long[clients];
    String[] firstFailure = new String[1];
    var done = new CountDownLatch(clients);
    for (int client = 0; client < clients; client++) {
      int me = client;
      latencies[me] = new long[1024];
      var thread = new Thread(() -> {
        try {
          while (System.nanoTime() < measureUntil) {
            long sent = System.nanoTime();
            boolean ok;
            String failure = null;
            try {
              var response = http.send(request.apply(sequence.incrementAndGet()), HttpResponse.BodyHandlers.ofString());
              ok = response.statusCode() / 100 == 2;
              if (!ok) {
                failure = response.statusCode() + " " + response.body();
              }
            } catch (Exception e) {
              ok = false;
              failure = e.toString();
            }
            long answered = System.nanoTime();
            if (answered >= measureFrom && answered <= measureUntil) {
              if (ok) {
                if (counts[me] == latencies[me].length) {
                  latencies[me] = Arrays.copyOf(latencies[me], counts[me] * 2);
                }
                latencies[me][counts[me]++] = answered - sent;
              } else {
                failures[me]++;
              }
            }
            if (failure != null) {
              synchronized (firstFailure) {
                if (firstFailure[0] == null) {
                  firstFailure[0] = failure.length() > 300 ? failure.substring(0, 300) : failure;
                }
              }
            }
          }
        } finally {
          done.countDown();
        }
      }, "bench-client-" + me);
      thread.setDaemon(true);
      thread.start();
    }
    done.await();
    int total = Arrays.stream(counts).sum();
    double[] millis = new double[total];
    int at = 0;
    for (int client = 0; client < clients; client++) {
      for (int i = 0; i < counts[client]; i++) {
        millis[at++] = latencies[client][i] / 1e6;
      }
    }
    Arrays.sort(millis);
    return new Result(what, clients, total, Arrays.stream(failures).sum(), measured.toNanos() / 1e9, millis,
        firstFailure[0]);
  }
}
