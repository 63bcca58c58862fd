package com.complaintdesk.deadline;

import static com.complaintdesk.complaint.ComplaintVariables.RESPONSE_DUE_AT;
import static com.complaintdesk.complaint.ComplaintVariables.RESPONSE_REMINDER_AT;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.TimelineEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stops a complaint's response deadline while it waits for the user, and lets it run on by the time waited
 * when the answer comes: the policy's 3 days are the department's time, not the user's. Paused, the reminder
 * and deadline timers are suspended jobs (Cockpit shows them so); resumed, they are active again with due dates
 * moved by the wait (Cockpit shows the new dates; with the business calendar on, they keep the working time they
 * had left), and so are the process variables the timers and the task due
 * dates read and the deadline the complainant's status page shows. Both steps are on the public timeline.
 */
@Component
public class DeadlinePause {

  /** The boundary timers of the department stage that count the response time. */
  static final Set<String> RESPONSE_TIMERS = Set.of("ResponseReminderDue", "ResponseDeadlinePassed");
  /** When the pause began; present exactly while the complaint's deadlines stand still. */
  static final String PAUSED_SINCE = "deadlinesPausedSince";

  private final CommandExecutor commands;
  private final RuntimeService runtime;
  private final ComplaintRepository complaints;
  private final ComplaintJournal journal;
  private final Deadlines deadlines;

  public DeadlinePause(ProcessEngineConfigurationImpl engine, RuntimeService runtime, ComplaintRepository complaints,
      ComplaintJournal journal, Deadlines deadlines) {
    this.commands = engine.getCommandExecutorTxRequired();
    this.runtime = runtime;
    this.complaints = complaints;
    this.journal = journal;
    this.deadlines = deadlines;
  }

  /** Stops the clock; pausing a paused complaint changes nothing. */
  @Transactional
  public void pause(Complaint complaint) {
    String instance = complaint.processInstanceId();
    if (runtime.getVariable(instance, PAUSED_SINCE) != null) {
      return;
    }
    changeResponseTimers(instance, timer -> timer.setSuspensionState(SuspensionState.SUSPENDED.getStateCode()));
    runtime.setVariable(instance, PAUSED_SINCE, ClockUtil.getCurrentTime());
    journal.record(complaint, TimelineEventType.DEADLINES_PAUSED, null);
  }

  /** Lets the clock run on, every deadline later by the time waited; a complaint not paused is left alone. */
  @Transactional
  public Duration resume(Complaint complaint) {
    String instance = complaint.processInstanceId();
    Date pausedSince = (Date) runtime.getVariable(instance, PAUSED_SINCE);
    if (pausedSince == null) {
      return Duration.ZERO;
    }
    Instant since = pausedSince.toInstant();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Duration waited = Duration.between(since, now);
    changeResponseTimers(instance, timer -> {
      timer.setDuedate(resumed(timer.getDuedate(), since, now));
      timer.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
    });
    Date dueAt = resumed((Date) runtime.getVariable(instance, RESPONSE_DUE_AT), since, now);
    if (dueAt != null) {
      runtime.setVariable(instance, RESPONSE_DUE_AT, dueAt);
      complaints.recordResponseDeadline(complaint.id(), dueAt.toInstant());
    }
    Date reminderAt = resumed((Date) runtime.getVariable(instance, RESPONSE_REMINDER_AT), since, now);
    if (reminderAt != null) {
      runtime.setVariable(instance, RESPONSE_REMINDER_AT, reminderAt);
    }
    runtime.removeVariable(instance, PAUSED_SINCE);
    journal.record(complaint, TimelineEventType.DEADLINES_RESUMED, "after " + words(waited));
    return waited;
  }

  /**
   * Changes the timer jobs themselves, in the engine's command context: called from a delegate of the same
   * process, the bulk updates of ManagementService would race the engine's own cached copy of the job.
   */
  private void changeResponseTimers(String processInstanceId, Consumer<JobEntity> change) {
    commands.execute(context -> {
      context.getJobManager().findJobsByProcessInstanceId(processInstanceId).stream()
          .filter(job -> job instanceof TimerEntity && RESPONSE_TIMERS.contains(job.getActivityId()))
          .forEach(change);
      return null;
    });
  }

  private Date resumed(Date dueAt, Instant pausedSince, Instant resumedAt) {
    return dueAt == null ? null : Date.from(deadlines.resumed(dueAt.toInstant(), pausedSince, resumedAt));
  }

  /** "2 days 4 hours", "35 minutes": the wait as the timeline says it. */
  static String words(Duration waited) {
    long days = waited.toDays();
    long hours = waited.toHoursPart();
    long minutes = waited.toMinutesPart();
    var text = new StringBuilder();
    if (days > 0) {
      text.append(days).append(days == 1 ? " day" : " days");
    }
    if (hours > 0) {
      text.append(text.isEmpty() ? "" : " ").append(hours).append(hours == 1 ? " hour" : " hours");
    }
    if (days == 0 && (minutes > 0 || text.isEmpty())) {
      text.append(text.isEmpty() ? "" : " ").append(minutes).append(minutes == 1 ? " minute" : " minutes");
    }
    return text.toString();
  }
}
