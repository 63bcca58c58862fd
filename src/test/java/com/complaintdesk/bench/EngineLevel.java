package com.complaintdesk.bench;

import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Contact;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.security.ActingUser;
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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

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
      var driver = new ProcessDriver(intake, app.getBean(ComplaintRepository.class), app.getBean(Timeline.class),
          engine, app.getBean(ActingUser.class));
      String run = UUID.randomUUID().toString().substring(0, 8);
      var ours = ThreadedRun.of(settings, threads, "engine-level-ours",
          n -> intakeToFirstWait(intake, driver, "engine-" + run + "-" + n + "@example.org"));
      var bare = ThreadedRun.of(settings, threads, "engine-level-bare", n -> {
        var instance = engine.getRuntimeService().startProcessInstanceByKey(BARE_KEY, "BARE-" + run + "-" + n,
            bareVariables(run, n));
        driver.executeDueJobs(instance.getId());
      });
      System.out.printf(Locale.ROOT, "b: ours %.1f/s, bare engine %.1f/s%n", ours.perSecond, bare.perSecond);
      var figures = new ArrayList<Figure>();
      figures.add(Figure.of("b", "complaints to their first wait, ours (" + threads + " threads)", ours.perSecond, "/s")
          .withFloor(Figure.format(bare.perSecond) + "/s bare engine"));
      figures.add(Figure.of("b", "engine level: ours / bare engine", ours.perSecond / bare.perSecond, "")
          .withTarget(Figure.Target.atLeast(0.8)));
      for (var result : List.of(ours, bare)) {
        if (result.failed > 0) {
          figures.add(Figure.of("b", "failed (" + (result == ours ? "ours" : "bare") + ")", result.failed, "")
              .withTarget(Figure.Target.atMost(0)));
          notes.add("b: first failure: " + result.firstFailure);
        }
      }
      notes.add("b: ours is ComplaintIntake.receive (a web complaint) and its jobs until it waits in Assign handler; the"
          + " bare engine starts " + BARE_KEY + " (" + MODEL + " with every delegate and listener doing nothing) with"
          + " the variables our code sets, and runs it to the same wait. Same threads, engine and database.");
      return figures;
    }
  }

  /**
   * Ours: a web complaint (the app crash) from a contact with this address through the intake service, and its jobs
   * until it waits in Assign handler. Returns the complaint as the intake answered it.
   */
  static Complaint intakeToFirstWait(ComplaintIntake intake, ProcessDriver driver, String contactEmail) {
    var complaint = intake.receive(new ComplaintIntake.Submission(Channel.WEB_FORM, null, "en", "The app crashes",
        "It crashes when I upload a photo", null, "FUNCTIONAL", "MANY", new Contact("Li Wei", contactEmail, null)));
    driver.executeDueJobs(complaint);
    return complaint;
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
    // what SuggestClassification sets when nothing similar is settled (the complaint-category table reads them)
    variables.put("suggestedCategory", null);
    variables.put("suggestedDepartment", null);
    variables.put("suggestionConfidence", 0.0);
    variables.put("similarComplaints", null);
    variables.put("responseDueAt", Date.from(Instant.now().plus(Duration.ofDays(1))));
    variables.put("responseReminderAt", Date.from(Instant.now().plus(Duration.ofHours(16))));
    return variables;
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
