package com.complaintdesk.intake;

import static com.complaintdesk.complaint.ComplaintVariables.*;

import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.LoggedContent;
import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.improvement.ComplaintKeywords;
import com.complaintdesk.similarity.ComplaintText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Records that the complaint is logged, with its content as the web form or the intake agent gave it.
 * Runs right after the agent completes "Log complaint", so the agent is the actor on the timeline. Its words are
 * recorded for the hot-topic watch.
 */
@Component("recordComplaintLogged")
public class RecordComplaintLogged implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final ComplaintJournal journal;
  private final ComplaintKeywords keywords;

  public RecordComplaintLogged(ComplaintRepository complaints, ComplaintJournal journal, ComplaintKeywords keywords) {
    this.complaints = complaints;
    this.journal = journal;
    this.keywords = keywords;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = journal.complaint(execution.getProcessBusinessKey());
    var content = new LoggedContent((String) execution.getVariable(SUBJECT), (String) execution.getVariable(DESCRIPTION),
        (String) execution.getVariable(DECLARED_TYPE), (String) execution.getVariable(AFFECTED_USERS));
    complaints.recordLogged(complaint.id(), content, ClockUtil.getCurrentTime().toInstant());
    journal.record(complaint, TimelineEventType.LOGGED, null);
    keywords.record(complaint.id(), ComplaintText.of(content.subject(), content.description(), complaint.rawText()));
  }
}
