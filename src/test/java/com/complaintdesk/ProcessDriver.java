package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintVariables;
import com.complaintdesk.complaint.Contact;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.security.ActingUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestComponent;

/**
 * Drives complaints through the engine the way people and the job executor would: submits them, executes
 * the jobs that are due, and completes tasks as a named user (so task listeners see who acted).
 */
@TestComponent
public class ProcessDriver {

  public static final Contact CONTACT = new Contact("Li Wei", "li.wei@example.org", "+86 138 0000 1234");

  private final ComplaintIntake intake;
  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final ProcessEngine engine;
  private final ActingUser actingUser;

  public ProcessDriver(ComplaintIntake intake, ComplaintRepository complaints, Timeline timeline, ProcessEngine engine,
      ActingUser actingUser) {
    this.actingUser = actingUser;
    this.intake = intake;
    this.complaints = complaints;
    this.timeline = timeline;
    this.engine = engine;
  }

  public Complaint submitWebComplaint(String declaredType, String subject, String description, AffectedUsers affected) {
    var complaint = intake.receive(new ComplaintIntake.Submission(Channel.WEB_FORM, null, "en", subject, description,
        null, declaredType, affected.name(), CONTACT));
    executeDueJobs(complaint);
    return complaints.get(complaint.trackingNumber());
  }

  /** A functional defect many users see: the rules send it to tech support with priority HIGH. */
  public Complaint submitAppCrash() {
    return submitWebComplaint("FUNCTIONAL", "The app crashes", "The app crashes when I upload a photo", AffectedUsers.MANY);
  }

  public Complaint captureByStaff(Channel channel, Instant receivedAt, String rawText) {
    var complaint = intake.receive(new ComplaintIntake.Submission(channel, receivedAt, "en", null, null, rawText, null,
        null, CONTACT));
    executeDueJobs(complaint);
    return complaints.get(complaint.trackingNumber());
  }

  public ProcessInstance processOf(Complaint complaint) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(complaint.processInstanceId()).singleResult();
  }

  /**
   * Takes a tech-support complaint waiting at AssignHandler to the handler's question: handler-tech is named and
   * asks, and the process waits in AwaitAnswer. Returns the complaint, reloaded.
   */
  public Complaint askUser(Complaint complaint, String question) {
    complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    complete(complaint, "ProposePlan", "handler-tech", Map.of("askUser", true, "questionForUser", question));
    return reload(complaint);
  }

  public Complaint reload(Complaint complaint) {
    return complaints.get(complaint.trackingNumber());
  }

  /**
   * Executes the complaint's jobs that are due now (async continuations, timers whose time has come), as the
   * job executor would. Scoped to one complaint, so tests sharing the engine do not drive each other's.
   */
  public void executeDueJobs(Complaint complaint) {
    executeDueJobs(complaint.processInstanceId());
  }

  /** The same for any process instance (the benchmark's bare copy of the model has no complaint). */
  public void executeDueJobs(String processInstanceId) {
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId)
          .executable().active().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("Jobs keep coming after 50 rounds: a loop in the model?");
  }

  /** Moves the engine clock forward and runs what fell due meanwhile. */
  public void advanceClock(Complaint complaint, java.time.Duration duration) {
    ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    executeDueJobs(complaint);
  }

  public Task task(Complaint complaint, String taskDefinitionKey) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(complaint.processInstanceId())
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    assertThat(task).as("open task %s of %s", taskDefinitionKey, complaint.trackingNumber()).isNotNull();
    return task;
  }

  /** Completes the task as the user, with the user's groups, like Tasklist does. */
  public void complete(Complaint complaint, String taskDefinitionKey, String userId, Map<String, Object> variables) {
    Task task = task(complaint, taskDefinitionKey);
    actingUser.run(userId, () -> engine.getTaskService().complete(task.getId(), variables));
    executeDueJobs(complaint);
  }

  public List<TimelineEventType> timelineOf(Complaint complaint) {
    return timeline.of(complaint.id()).stream().map(event -> event.type()).toList();
  }

  /** Walks a complaint of tech support from assignment to the revisit: plan, implementation, confirmation. */
  public void handleUntilResultSent(Complaint complaint) {
    complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    complete(complaint, "ProposePlan", "handler-tech", Map.of("plan", "Fix the upload"));
    complete(complaint, "ImplementPlan", "handler-tech", Map.of("progressNote", "", "done", true));
    complete(complaint, "ConfirmResult", "handler-tech",
        Map.of("measures", "Fixed the upload", "effect", "Photos upload again", "goalMet", true));
  }
}
