package com.complaintdesk.bench;

import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.feedback.ComplainantActions;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.security.ActingUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * c: whole lifecycles through the service layer, from submission to CLOSED, the way {@link ProcessDriver} walks them:
 * a web complaint (the app crash: tech support, HIGH), the lead names the handler, plan, implementation, confirmation,
 * the user's survey answer closes it. Each step's jobs are executed by the thread that took the step (the app's
 * context with the test profile: no job executor, no linking of repeated submissions). Several threads for a fixed
 * time; the lifecycles that end within the measured window count, a failed one anywhere is reported.
 */
final class Lifecycles {

  private Lifecycles() {
  }

  static List<Figure> run(NodeBenchmark.Settings settings, List<String> notes) throws Exception {
    int threads = settings.lifecycleThreads();
    System.out.printf(Locale.ROOT, "c: lifecycles to CLOSED by %d threads in this JVM%n", threads);
    try (var app = OverdueTimers.start(settings, settings.workDir().resolve("in-process-c"), false)) {
      var driver = new ProcessDriver(app.getBean(ComplaintIntake.class), app.getBean(ComplaintRepository.class),
          app.getBean(Timeline.class), app.getBean(ProcessEngine.class), app.getBean(ActingUser.class));
      var complainant = app.getBean(ComplainantActions.class);
      long start = System.nanoTime();
      long measureFrom = start + Duration.ofSeconds(settings.warmUpSeconds()).toNanos();
      long measureUntil = measureFrom + Duration.ofSeconds(settings.seconds()).toNanos();
      var closed = new AtomicLong();
      var failed = new AtomicLong();
      var firstFailure = new AtomicReference<String>();
      var done = new CountDownLatch(threads);
      for (int t = 0; t < threads; t++) {
        var thread = new Thread(() -> {
          try {
            do { // every thread walks at least one lifecycle, so that a broken one shows even in the shortest run
              boolean ok;
              try {
                var complaint = driver.submitAppCrash();
                driver.handleUntilResultSent(complaint);
                complainant.answerSurvey(driver.reload(complaint), 5, "Works again");
                driver.executeDueJobs(complaint);
                ok = driver.reload(complaint).status() == ComplaintStatus.CLOSED;
                if (!ok) {
                  firstFailure.compareAndSet(null, complaint.trackingNumber() + " ended "
                      + driver.reload(complaint).status());
                }
              } catch (Exception | AssertionError e) {
                ok = false;
                firstFailure.compareAndSet(null, e.toString());
              }
              long ended = System.nanoTime();
              if (!ok) {
                failed.incrementAndGet();
              } else if (ended >= measureFrom && ended <= measureUntil) {
                closed.incrementAndGet();
              }
            } while (System.nanoTime() < measureUntil);
          } finally {
            done.countDown();
          }
        }, "bench-lifecycle-" + t);
        thread.setDaemon(true);
        thread.start();
      }
      done.await();
      var figures = new ArrayList<Figure>();
      String label = "lifecycles submission to CLOSED (" + threads + " threads)";
      figures.add(Figure.of("c", label, closed.get() / (double) settings.seconds(), "/s")
          .withTarget(Figure.Target.atLeast(100)));
      if (failed.get() > 0) {
        figures.add(Figure.of("c", label + ": failed", failed.get(), "").withTarget(Figure.Target.atMost(0)));
        notes.add("c: first failure: " + firstFailure.get());
      }
      notes.add("c: each lifecycle is ProcessDriver's: submitAppCrash, handleUntilResultSent, the survey answer (5);"
          + " jobs executed by the calling thread, as in the process tests.");
      return figures;
    }
  }
}
