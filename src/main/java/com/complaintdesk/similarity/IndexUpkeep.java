package com.complaintdesk.similarity;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index following the complaint table on a thread of its own: at start (building the index anew
 * when it is missing, which may take a while and must not hold the app's other scheduled work) and then every
 * {@code complaint-desk.similarity.catch-up-interval} (PT5S; PT0S turns it off, as in the tests). Each node does
 * this for its own index: this is not cluster-wide work.
 */
@Component
class IndexUpkeep implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(IndexUpkeep.class);

  private final ComplaintIndex index;
  private final Duration interval;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
    var daemon = new Thread(runnable, "similarity-index");
    daemon.setDaemon(true);
    return daemon;
  });

  IndexUpkeep(ComplaintIndex index, SimilarityProperties properties) {
    this.index = index;
    this.interval = properties.catchUpInterval();
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!interval.isZero()) {
      thread.scheduleWithFixedDelay(this::catchUp, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void catchUp() {
    try {
      index.catchUp();
      index.commit();
    } catch (RuntimeException e) {
      // Suggestions go on with what is indexed; the next round tries again.
      log.warn("The similarity index could not catch up with the complaint table", e);
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    thread.shutdownNow();
    thread.awaitTermination(10, TimeUnit.SECONDS);
  }
}
