package com.complaintdesk.bench;

import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Contact;
import com.complaintdesk.intake.ComplaintIntake;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;

/**
 * b: what our code costs on top of the engine. Ours: a web complaint through the intake service (our tables, the
 * process start) and its jobs up to the first wait (classification: the decisions and our delegates), until it
 * waits for its department's lead. The bare engine: a copy of the same model (key {@value #BARE_KEY}) whose
 * delegates and listeners do nothing, started through the engine's RuntimeService with the variables our code
 * would have set, and run to the same wait. Both in this JVM, on the same engine and database, with the same
 * threads, one after the other; the ratio ours / bare is the target's figure.
 */
final class EngineLevel {

  static final String BARE_KEY = "complaint-handling-bare";
  private static final String MODEL = "processes/complaint-handling.bpmn";

  private EngineLevel() {
  }

  static List<Figure> run(NodeBenchmark.Settings settings, List<String> notes) throws Exception {
    int threads = settings.lifecycleThreads();
    System.out.printf(Locale.ROOT, "b: ours against the bare engine, %d threads in this JVM%n", threads);
    try (var app = OverdueTimers.start(settings, settings.workDir().resolve("in-process-b"), false)) {
      app.getBeanFactory().registerSingleton("benchNothing", new Nothing());
      var engine = app.getBean(ProcessEngine.class);
      deployBareCopy(engine);
      var intake = app.getBean(ComplaintIntake.class);
      var management = engine.getManagementService();
      String run = UUID.randomUUID().toString().substring(0, 8);
      var ours = measure(settings, threads, n -> {
        var complaint = intake.receive(new ComplaintIntake.Submission(Channel.WEB_FORM, null, "en", "The app crashes",
            "It crashes when I upload a photo", null, "FUNCTIONAL", "MANY",
            new Contact("Li Wei", "engine-" + run + "-" + n + "@example.org", null)));
        runJobs(management, complaint.processInstanceId());
      });
      var bare = measure(settings, threads, n -> {
        var instance = engine.getRuntimeService().startProcessInstanceByKey(BARE_KEY, "BARE-" + run + "-" + n,
            bareVariables(run, n));
        runJobs(management, instance.getId());
      });
      System.out.printf(Locale.ROOT, "b: ours %.1f/s, bare engine %.1f/s%n", ours.perSecond, bare.perSecond);
      var figures = new ArrayList<Figure>();
      figures.add(Figure.of("b", "complaints to their first wait, ours (" + threads + " threads)", ours.perSecond, "/s")
          .withFloor(Figure.format(bare.perSecond) + "/s bare engine"));
      figures.add(Figure.of("b", "engine level: ours / bare engine", ours.perSecond / bare.perSecond, "")
          .withTarget(Figure.Target.atLeast(0.8)));
      for (var result : List.of(ours, bare)) {
        if (result.failure.get() != null) {
          figures.add(Figure.of("b", "failed (" + (result == ours ? "ours" : "bare") + ")", result.failed.get(), "")
              .withTarget(Figure.Target.atMost(0)));
          notes.add("b: first failure: " + result.failure.get());
        }
      }
      notes.add("b: ours is ComplaintIntake.receive (a web complaint) and its jobs until it waits in Assign handler; the"
          + " bare engine starts " + BARE_KEY + " (" + MODEL + " with every delegate and listener doing nothing) with"
          + " the variables our code sets, and runs it to the same wait. Same threads, engine and database.");
      return figures;
    }
  }

  /** The model with every delegate expression pointing at {@link Nothing}, under a key of its own. */
  private static void deployBareCopy(ProcessEngine engine) throws IOException {
    String xml;
    try (InputStream in = EngineLevel.class.getClassLoader().getResourceAsStream(MODEL)) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String bare = xml.replace("id=\"complaint-handling\"", "id=\"" + BARE_KEY + "\"")
        .replace("bpmnElement=\"complaint-handling\"", "bpmnElement=\"" + BARE_KEY + "\"")
        .replaceAll("delegateExpression=\"\\$\\{[A-Za-z]+}\"", "delegateExpression=\"\\${benchNothing}\"");
    engine.getRepositoryService().createDeployment().name("bench-bare-engine")
        .addString(BARE_KEY + ".bpmn", bare).deploy();
  }

  /** What the intake and our delegates set before the first wait, so that the bare copy takes the same path. */
  private static Map<String, Object> bareVariables(String run, long n) {
    var variables = new HashMap<String, Object>();
    Date now = new Date();
    variables.put("trackingNumber", "BARE-" + run + "-" + n);
    variables.put("channel", "WEB_FORM");
    variables.put("capturedByStaff", false);
    variables.put("receivedAt", now);
    variables.put("subject", "The app crashes");
    variables.put("description", "It crashes when I upload a photo");
    variables.put("declaredType", "FUNCTIONAL");
    variables.put("affectedUsers", "MANY");
    variables.put("reopenCount", 0);
    variables.put("markedDuplicate", false);
    variables.put("departmentGroup", "tech-support");
    variables.put("responseDueAt", Date.from(Instant.now().plus(Duration.ofDays(1))));
    variables.put("responseReminderAt", Date.from(Instant.now().plus(Duration.ofHours(16))));
    return variables;
  }

  /** Runs the instance's due jobs in this thread until none is left, as the job executor would. */
  private static void runJobs(ManagementService management, String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** Throughput of one side: how many ended in the measured window, and what failed. */
  private static final class Result {
    double perSecond;
    final AtomicLong failed = new AtomicLong();
    final AtomicReference<String> failure = new AtomicReference<>();
  }

  private interface Step {
    void run(long n) throws Exception;
  }

  private static Result measure(NodeBenchmark.Settings settings, int threads, Step step) throws InterruptedException {
    var result = new Result();
    var done = new AtomicLong();
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
              long ended = System.nanoTime();
              if (ended >= measureFrom && ended <= measureUntil) {
                done.incrementAndGet();
              }
            } catch (Exception | AssertionError e) {
              result.failed.incrementAndGet();
              result.failure.compareAndSet(null, e.toString());
            }
          } while (System.nanoTime() < measureUntil);
        } finally {
          finished.countDown();
        }
      }, "bench-engine-level-" + t);
      thread.setDaemon(true);
      thread.start();
    }
    finished.await();
    result.perSecond = done.get() / (double) settings.seconds();
    return result;
  }

  /** The bare copy's delegate and listeners: nothing at all. */
  static final class Nothing implements JavaDelegate, ExecutionListener, TaskListener {

    @Override
    public void execute(DelegateExecution execution) {
      // the bare engine
    }

    @Override
    public void notify(DelegateExecution execution) {
      // the bare engine
    }

    @Override
    public void notify(DelegateTask task) {
      // the bare engine
    }
  }
}
