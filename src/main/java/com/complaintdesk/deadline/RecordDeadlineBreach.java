package com.complaintdesk.deadline;

import static com.complaintdesk.complaint.ComplaintVariables.LOGGING_DUE_AT;
import static com.complaintdesk.complaint.ComplaintVariables.RESPONSE_DUE_AT;

import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TimelineEventType;
import java.sql.Timestamp;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records that a deadline passed: a row for SLA reporting, an internal timeline entry, and a process
 * variable ({@code loggingDeadlineBreached} / {@code responseDeadlineBreached}) that Cockpit shows.
 * The model names the deadline with the input parameter {@code deadline} (LOGGING or RESPONSE).
 */
@Component("recordDeadlineBreach")
public class RecordDeadlineBreach implements JavaDelegate {

  private final ComplaintJournal journal;
  private final JdbcClient jdbc;

  public RecordDeadlineBreach(ComplaintJournal journal, JdbcClient jdbc) {
    this.journal = journal;
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Deadline deadline = Deadline.valueOf((String) execution.getVariable("deadline"));
    Date dueAt = (Date) execution.getVariable(deadline == Deadline.LOGGING ? LOGGING_DUE_AT : RESPONSE_DUE_AT);
    var complaint = journal.complaint(execution.getProcessBusinessKey());
    long complaintId = complaint.id();
    jdbc.sql("""
            insert into deadline_breach (complaint_id, deadline, due_at, recorded_at)
            values (:complaintId, :deadline, :dueAt, :recordedAt)
            """)
        .param("complaintId", complaintId)
        .param("deadline", deadline.name())
        .param("dueAt", new Timestamp(dueAt.getTime()))
        .param("recordedAt", new Timestamp(ClockUtil.getCurrentTime().getTime()))
        .update();
    journal.record(complaint, deadline == Deadline.LOGGING
        ? TimelineEventType.LOGGING_DEADLINE_BREACHED
        : TimelineEventType.RESPONSE_DEADLINE_BREACHED, "due at " + dueAt.toInstant());
    execution.getProcessInstance().setVariable(deadline.name().toLowerCase() + "DeadlineBreached", true);
  }
}
