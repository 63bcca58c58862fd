package com.complaintdesk.demo;

import com.complaintdesk.analytics.DashboardSummary;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Contact;
import com.complaintdesk.feedback.ComplainantActions;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.security.ActingUser;
import com.complaintdesk.similarity.ComplaintIndex;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sample complaints at different stages, so that a newcomer who logs in sees work in every demo user's
 * Tasklist, instances in Cockpit and numbers on the dashboard. Only on an empty database, only when
 * {@code complaint-desk.demo.sample-complaints} is true. They walk the real process, as people would.
 */
@Component
@ConditionalOnProperty(name = {"complaint-desk.demo.enabled", "complaint-desk.demo.sample-complaints"}, havingValue = "true")
class SampleComplaints {

  private static final Logger log = LoggerFactory.getLogger(SampleComplaints.class);
  /** Past complaints for the dashboard: about five a day. */
  private static final int HISTORY = 400;

  /** Coupons refused at checkout, 22 times in six days against two in the four weeks before. */
  private static final List<String> COUPON_COMPLAINTS = List.of(
      "My coupon was refused at checkout although it is valid until the end of the month.",
      "The shop says my coupon has expired, but I got it yesterday.",
      "Coupon WELCOME10 is not accepted for my first order.",
      "I entered the coupon twice and the price did not change.",
      "Your newsletter coupon gives an error on the payment page.",
      "The coupon from the birthday mail does not work in the app.",
      "Coupon rejected: the message says the basket is too small, it is not.",
      "The discount of my coupon disappeared when I changed the delivery address.",
      "Why can I not use the coupon on sale items? Nothing in the terms says so.",
      "Coupon accepted, then the total went back up before I paid.",
      "My loyalty coupon is shown as used, but I never used it.",
      "Two coupons from your campaign, neither works.",
      "The coupon field is missing in the app since the update.",
      "After applying the coupon the shipping suddenly cost more.",
      "The coupon worked on the website, not in the app.",
      "Support told me to try the coupon again tomorrow. Still refused.",
      "The coupon code from the partner promotion is unknown to your shop.",
      "I was charged the full price although the coupon showed green.",
      "Coupon for new users refused: I am a new user.",
      "The checkout removes my coupon every time I open it again.",
      "Coupon error 'not applicable' for a product of the campaign itself.",
      "Please honour the coupon from your own advert, it fails at checkout.");

  private final ComplaintIntake intake;
  private final ComplainantActions complainant;
  private final ComplaintRepository complaints;
  private final TaskService tasks;
  private final ActingUser actingUser;
  private final ManagementService management;
  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final DashboardSummary summary;
  private final RuntimeService runtime;
  private final ComplaintIndex similarityIndex;

  SampleComplaints(ComplaintIntake intake, ComplainantActions complainant, ComplaintRepository complaints,
      TaskService tasks, ActingUser actingUser, ManagementService management, JdbcClient jdbc,
      DataSource dataSource, DashboardSummary summary, RuntimeService runtime, ComplaintIndex similarityIndex) {
    this.intake = intake;
    this.complainant = complainant;
    this.complaints = complaints;
    this.tasks = tasks;
    this.actingUser = actingUser;
    this.management = management;
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.summary = summary;
    this.runtime = runtime;
    this.similarityIndex = similarityIndex;
  }

  @EventListener(ApplicationReadyEvent.class)
  void createOnEmptyDatabase() {
    if (jdbc.sql("select count(*) from complaint").query(Long.class).single() > 0) {
      return;
    }
    log.info("Creating sample complaints for the demo (complaint-desk.demo.sample-complaints=false turns this off)");
    waitingToBeLogged();
    waitingForTriage();
    waitingForAHandler();
    waitingForAPlan();
    beingImplemented();
    waitingForConfirmation();
    waitingForTheSurvey();
    waitingForAFollowUpCall();
    closedSatisfied();
    waitingForFinalReview();
    closedAfterAMissedDeadlineAndAReopen();
    history();
    hotTopic();
    onTheHotTopicWaitingForTriage();
  }

  /**
   * A hot topic for the complaint managers: the burst above, six of them taken on by customer service (their
   * classification settled, so that the suggestion learns), the watch's alert with its improvement action, whose
   * owner the lead has named: the owner's proposal waits in Tasklist.
   */
  private void hotTopic() {
    Instant now = Instant.now();
    try {
      for (int week = 2; week <= 3; week++) {
        ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(7L * week + 2))));
        submit("PRICE", "Coupon refused", "My coupon was refused in the shop.", "ONE",
            new Contact("Gao Yan", "gao.yan." + week + "@example.org", null));
      }
      for (int i = 0; i < COUPON_COMPLAINTS.size(); i++) {
        ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(6)).plus(Duration.ofHours(6L * i))));
        var complaint = submit("PRICE", "Coupon problem", COUPON_COMPLAINTS.get(i), "ONE",
            new Contact("User " + (i + 1), "coupon.user" + (i + 1) + "@example.org", null));
        if (i % 4 == 0) { // six settled: a suggestion triage sees, not one the rules trust
          complete(complaint, "AssignHandler", "lead-cs", Map.of("handler", "handler-cs"));
        }
      }
    } finally {
      ClockUtil.reset();
    }
    // Written on the clock of the past six days, behind what the similarity index has read.
    similarityIndex.rereadAll();
    // The watch, as its hourly timer starts it.
    awaitJobs(runtime.startProcessInstanceByKey("hot-topic-watch").getId());
    String action = jdbc.sql("select process_instance_id from improvement_action where keyword = 'coupon'")
        .query(String.class).optional()
        .orElseThrow(() -> new IllegalStateException("The demo's coupon burst raised no hot topic: check"
            + " processes/hot-topic-alert.dmn against the sample (22 in a week, 2 in the four before)"));
    awaitJobs(action);
    completeTask(action, "NameOwner", "lead-cs", Map.of("owner", "handler-cs", "noActionNeeded", false));
  }

  /** Not classified by the rules (no keyword of theirs): triage sees the suggestion and the coupon complaints like it. */
  private void onTheHotTopicWaitingForTriage() {
    submit("OTHER", "Discount not given", "My coupon was refused again at checkout, third time this week.", "ONE",
        new Contact("Ma Lin", "ma.lin@example.org", null));
  }

  /**
   * Closed complaints of the twelve weeks before the last month, so that the dashboard has weeks to compare. They
   * come without process instances or contact details (ComplaintHistory): Tasklist and Cockpit show the samples
   * above only.
   */
  private void history() {
    try {
      new ComplaintHistory(dataSource, 7, Instant.now()).generate(HISTORY, 84, Duration.ofDays(30));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot write the demo's history of complaints", e);
    }
    // At once, not at the next scheduled round: the newcomer opens the dashboard first.
    summary.catchUp();
  }

  private void waitingToBeLogged() {
    capture(Channel.HOTLINE, Instant.now().minus(Duration.ofHours(3)),
        "Caller: since the last update my saved addresses are gone and checkout fails.",
        new Contact("Wang Fang", null, "+86 139 0000 0001"));
  }

  private void waitingForTriage() {
    submit("OTHER", "Something is off", "I cannot say what exactly, but the experience feels different.", "ONE",
        new Contact("Chen Jie", "chen.jie@example.org", null));
  }

  private Complaint waitingForAHandler() {
    return submit("FUNCTIONAL", "The app crashes on photo upload",
        "Every time I upload a photo from my gallery the app closes.", "MANY",
        new Contact("Zhang Min", "zhang.min@example.org", null));
  }

  private Complaint waitingForAPlan() {
    var complaint = submit("EXPERIENCE", "Settings are hard to find",
        "I looked for ten minutes to change my notification settings.", "SOME",
        new Contact("Liu Yang", "liu.yang@example.org", null));
    complete(complaint, "AssignHandler", "lead-design", Map.of("handler", "handler-design"));
    return complaint;
  }

  private Complaint beingImplemented() {
    var complaint = submit("CONTENT", "Offensive comments under my post",
        "Several comments under my latest post insult me.", "ONE",
        new Contact("Zhao Lei", "zhao.lei@example.org", null));
    complete(complaint, "AssignHandler", "lead-legal", Map.of("handler", "handler-legal"));
    complete(complaint, "ProposePlan", "handler-legal", Map.of("plan", "Review the comments and remove those that break the rules."));
    return complaint;
  }

  private Complaint waitingForConfirmation() {
    var complaint = submit("FUNCTIONAL", "Search ignores my filters",
        "When I filter by date the search still shows old results.", "ONE",
        new Contact("Sun Li", "sun.li@example.org", null));
    complete(complaint, "AssignHandler", "lead-product", Map.of("handler", "handler-product"));
    complete(complaint, "ProposePlan", "handler-product", Map.of("plan", "Reproduce, fix the date filter, release with the next update."));
    complete(complaint, "ImplementPlan", "handler-product",
        Map.of("progressNote", "We found the cause and are testing a fix.", "done", true));
    return complaint;
  }

  private Complaint resolvedByCustomerService(String subject, String description) {
    var complaint = submit("SERVICE", subject, description, "ONE", new Contact("Zhou Xin", "zhou.xin@example.org", null));
    complete(complaint, "AssignHandler", "lead-cs", Map.of("handler", "handler-cs"));
    complete(complaint, "ProposePlan", "handler-cs", Map.of("plan", "Call the user back and apologise; coach the team."));
    complete(complaint, "ImplementPlan", "handler-cs", Map.of("progressNote", "We have spoken with the team.", "done", true));
    complete(complaint, "ConfirmResult", "handler-cs",
        Map.of("measures", "Apology and coaching", "effect", "The user got an answer", "goalMet", true));
    return complaint;
  }

  private void waitingForTheSurvey() {
    resolvedByCustomerService("Nobody answered my ticket", "I wrote to support a week ago and got no answer.");
  }

  private void waitingForAFollowUpCall() {
    var complaint = resolvedByCustomerService("Rude answer on the hotline", "The agent hung up on me.");
    // The survey wait is days long: let the timer fire now, as the job executor would once it is due.
    Job timer = management.createJobQuery().processInstanceId(complaint.processInstanceId()).timers().singleResult();
    management.executeJob(timer.getId());
  }

  private void closedSatisfied() {
    var complaint = resolvedByCustomerService("Waited too long in the chat", "The chat queue took 40 minutes.");
    complainant.answerSurvey(complaints.get(complaint.trackingNumber()), 5, "Thank you, solved.");
  }

  private void waitingForFinalReview() {
    var complaint = resolvedByCustomerService("Refund promised, never came", "Support promised a refund in March.");
    for (int reopen = 0; reopen < 2; reopen++) {
      complainant.answerSurvey(complaints.get(complaint.trackingNumber()), 1, "Still nothing.");
      complete(complaint, "AssignHandler", "lead-cs", Map.of("handler", "handler-cs"));
      complete(complaint, "ProposePlan", "handler-cs", Map.of("plan", "Escalate the refund to finance."));
      complete(complaint, "ImplementPlan", "handler-cs", Map.of("progressNote", "", "done", true));
      complete(complaint, "ConfirmResult", "handler-cs",
          Map.of("measures", "Refund requested again", "effect", "Pending with finance", "goalMet", true));
    }
    complainant.answerSurvey(complaints.get(complaint.trackingNumber()), 1, "I give up.");
  }

  /**
   * A complaint of twelve days ago, walked on the engine clock of then, for the auditors in Cockpit: its handler's
   * plan came after the response deadline (the timer recorded the breach), the user was not satisfied and
   * reopened it, and the second round closed it. The clock is real time again afterwards.
   */
  private void closedAfterAMissedDeadlineAndAReopen() {
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(12))));
    try {
      var complaint = submit("FUNCTIONAL", "Photo upload times out",
          "Uploading a photo to my album stops with an error after a minute.", "MANY",
          new Contact("Huang Lei", "huang.lei@example.org", null));
      later(Duration.ofHours(3));
      complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
      Instant responseDue = complaints.get(complaint.trackingNumber()).responseDueAt();
      fireTimersUntil(complaint, responseDue.plus(Duration.ofHours(2)));
      for (String plan : List.of("Raise the upload service's timeout and retry once.",
          "Upload in the background and show the photo when it is stored.")) {
        complete(complaint, "ProposePlan", "handler-tech", Map.of("plan", plan));
        later(Duration.ofDays(1));
        complete(complaint, "ImplementPlan", "handler-tech", Map.of("progressNote", "Released.", "done", true));
        later(Duration.ofHours(4));
        complete(complaint, "ConfirmResult", "handler-tech",
            Map.of("measures", plan, "effect", "No timeouts in our tests", "goalMet", true));
        later(Duration.ofDays(1));
        boolean firstRound = plan.startsWith("Raise");
        complainant.answerSurvey(complaints.get(complaint.trackingNumber()), firstRound ? 2 : 5,
            firstRound ? "It still times out in the evening." : "Works now.");
        awaitJobs(complaint);
        if (firstRound) {
          later(Duration.ofHours(2));
          complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
          later(Duration.ofHours(5));
        }
      }
    } finally {
      ClockUtil.reset();
    }
  }

  /** Moves the clock to each timer of the complaint that falls due until then, and fires it a few seconds late. */
  private void fireTimersUntil(Complaint complaint, Instant until) {
    Job next;
    while ((next = management.createJobQuery().processInstanceId(complaint.processInstanceId()).timers()
        .duedateLowerThan(Date.from(until)).orderByJobDuedate().asc().listPage(0, 1).stream().findFirst().orElse(null))
        != null) {
      ClockUtil.setCurrentTime(Date.from(next.getDuedate().toInstant().plusSeconds(4)));
      awaitJobs(complaint);
    }
    ClockUtil.setCurrentTime(Date.from(until));
  }

  private static void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private Complaint submit(String declaredType, String subject, String description, String affected, Contact contact) {
    var complaint = intake.receive(new ComplaintIntake.Submission(Channel.WEB_FORM, null, "en", subject, description,
        null, declaredType, affected, contact));
    awaitJobs(complaint);
    return complaint;
  }

  private Complaint capture(Channel channel, Instant receivedAt, String rawText, Contact contact) {
    var complaint = intake.receive(new ComplaintIntake.Submission(channel, receivedAt, "en", null, null, rawText, null,
        null, contact));
    awaitJobs(complaint);
    return complaint;
  }

  private void complete(Complaint complaint, String taskKey, String userId, Map<String, Object> variables) {
    completeTask(complaint.processInstanceId(), taskKey, userId, variables);
  }

  private void completeTask(String processInstanceId, String taskKey, String userId, Map<String, Object> variables) {
    var task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("Sample process instance " + processInstanceId + " has no open task " + taskKey);
    }
    actingUser.run(userId, () -> tasks.complete(task.getId(), variables));
    awaitJobs(processInstanceId);
  }

  /**
   * Runs the complaint's due jobs right here, as the job executor would, so the next step finds its task.
   * If the job executor took a job first, the engine's optimistic locking tells us and we move on.
   */
  private void awaitJobs(Complaint complaint) {
    awaitJobs(complaint.processInstanceId());
  }

  private void awaitJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable()
          .withRetriesLeft().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException | NotFoundException takenByTheJobExecutor) {
          log.debug("Job {} ran in the job executor meanwhile", job.getId());
        }
      }
    }
    throw new IllegalStateException("Sample process instance " + processInstanceId + " keeps creating jobs");
  }
}
