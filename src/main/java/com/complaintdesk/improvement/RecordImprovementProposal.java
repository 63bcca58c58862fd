package com.complaintdesk.improvement;

import static com.complaintdesk.improvement.ImprovementVariables.*;

import com.complaintdesk.complaint.InvalidTaskInput;
import com.complaintdesk.complaint.TaskInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The owner's proposal: what will change and by which day. The improvement is due at the end of that day (the
 * server's time zone); its owner is reminded {@code reminder-before} earlier. Sets {@code improvementDueAt} and
 * {@code improvementReminderAt} for the implementation's timers.
 */
@Component("recordImprovementProposal")
public class RecordImprovementProposal implements TaskListener {

  private final ImprovementActionRepository actions;
  private final ImprovementProperties properties;
  private final ZoneId zone;

  public RecordImprovementProposal(ImprovementActionRepository actions, ImprovementProperties properties) {
    this.actions = actions;
    this.properties = properties;
    this.zone = ZoneId.systemDefault();
  }

  @Override
  public void notify(DelegateTask task) {
    String proposal = TaskInput.required(task, PROPOSAL, "Say what will change.");
    String dueDate = TaskInput.required(task, DUE_DATE, "Give the day by which the improvement is carried out.");
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant dueAt = endOf(dueDate);
    if (!dueAt.isAfter(now)) {
      throw new InvalidTaskInput("dueDate " + dueDate + " has passed: give a day from today on");
    }
    Instant reminderAt = dueAt.minus(properties.reminderBefore());
    actions.recordProposal((Long) task.getVariable(IMPROVEMENT_ID), proposal, dueAt);
    task.setVariable(PROPOSAL, proposal);
    task.setVariable(IMPROVEMENT_DUE_AT, Date.from(dueAt));
    task.setVariable(IMPROVEMENT_REMINDER_AT, Date.from(reminderAt.isAfter(now) ? reminderAt : now));
  }

  private Instant endOf(String day) {
    try {
      // the date field sends 2026-12-24; a date-time is cut to its day
      return LocalDate.parse(day.length() > 10 ? day.substring(0, 10) : day).plusDays(1).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidTaskInput("dueDate must be a day such as 2026-12-24, was " + day);
    }
  }
}
