package com.complaintdesk.deadline;

import static com.complaintdesk.complaint.ComplaintVariables.RESPONSE_DUE_AT;
import static com.complaintdesk.complaint.ComplaintVariables.RESPONSE_REMINDER_AT;
import static com.complaintdesk.complaint.ComplaintVariables.RESPONSE_TIME;

import com.complaintdesk.complaint.ComplaintRepository;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Turns the response time the rules chose for the priority into the dates of the department stage's
 * timers: the reminder and the deadline. Runs each time the complaint (re)enters the department.
 */
@Component("computeResponseDeadline")
public class ComputeResponseDeadline implements JavaDelegate {

  private final Deadlines deadlines;
  private final ComplaintRepository complaints;

  public ComputeResponseDeadline(Deadlines deadlines, ComplaintRepository complaints) {
    this.deadlines = deadlines;
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Duration responseTime = parse((String) execution.getVariable(RESPONSE_TIME));
    var deadline = deadlines.responseDeadline(ClockUtil.getCurrentTime().toInstant(), responseTime);
    execution.setVariable(RESPONSE_DUE_AT, Date.from(deadline.dueAt()));
    execution.setVariable(RESPONSE_REMINDER_AT, Date.from(deadline.reminderAt()));
    complaints.recordResponseDeadline(complaints.get(execution.getProcessBusinessKey()).id(), deadline.dueAt());
  }

  private static Duration parse(String responseTime) {
    try {
      return Duration.parse(responseTime);
    } catch (NullPointerException | DateTimeParseException e) {
      throw new IllegalStateException("The decision complaint-response-time must give an ISO-8601 duration in days,"
          + " hours or minutes (e.g. P3D, PT8H), but gave '" + responseTime + "': fix the table", e);
    }
  }
}
