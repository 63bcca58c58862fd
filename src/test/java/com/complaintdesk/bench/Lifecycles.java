package com.complaintdesk.bench;

import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.feedback.ComplainantActions;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.security.ActingUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
      var run = ThreadedRun.of(settings, threads, "lifecycle",
          n -> walkToClosed(driver, complainant, driver.submitAppCrash()));
      var figures = new ArrayList<Figure>();
      String label = "lifecycles submission to CLOSED (" + threads + " threads)";
      figures.add(Figure.of("c", label, run.perSecond, "/s").withTarget(Figure.Target.atLeast(100)));
      if (run.failed > 0) {
        figures.add(Figure.of("c", label + ": failed", run.failed, "").withTarget(Figure.Target.atMost(0)));
        notes.add("c: first failure: " + run.firstFailure);
      }
      notes.add("c: each lifecycle is ProcessDriver's: submitAppCrash, handleUntilResultSent, the survey answer (5);"
          + " jobs executed by the calling thread, as in the process tests.");
      return figures;
    }
  }

  /**
   * One lifecycle after the submission: the lead names the handler, plan, implementation, confirmation, and the
   * user's survey answer (5) closes it; every step's jobs run in this thread. Returns the complaint, CLOSED, or
   * throws.
   */
  static Complaint walkToClosed(ProcessDriver driver, ComplainantActions complainant, Complaint complaint) {
    driver.handleUntilResultSent(complaint);
    complainant.answerSurvey(driver.reload(complaint), 5, "Works again");
    driver.executeDueJobs(complaint);
    var closed = driver.reload(complaint);
    if (closed.status() != ComplaintStatus.CLOSED) {
      throw new IllegalStateException(complaint.trackingNumber() + " ended " + closed.status());
    }
    return closed;
  }
}
