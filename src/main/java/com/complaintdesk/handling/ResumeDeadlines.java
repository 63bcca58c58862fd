package com.complaintdesk.handling;

import static com.complaintdesk.complaint.ComplaintVariables.ANSWER;

import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.deadline.DeadlinePause;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the user's answer (or that none came within the wait) and lets the response deadline run on, later
 * by the time waited. The handler then sees the answer in the ProposePlan form and may ask again.
 */
@Component("resumeDeadlines")
public class ResumeDeadlines implements JavaDelegate {

  private final ComplaintJournal journal;
  private final DeadlinePause deadlines;

  public ResumeDeadlines(ComplaintJournal journal, DeadlinePause deadlines) {
    this.journal = journal;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = journal.complaint(execution.getProcessBusinessKey());
    Object answer = execution.getVariable(ANSWER);
    if (answer != null) {
      journal.record(complaint, TimelineEventType.QUESTION_ANSWERED, answer.toString());
    } else {
      journal.record(complaint, TimelineEventType.QUESTION_UNANSWERED, null);
    }
    execution.setVariable("askUser", false);
    deadlines.resume(complaint);
  }
}
