package com.complaintdesk.handling;

import static com.complaintdesk.complaint.ComplaintVariables.DONE;
import static com.complaintdesk.complaint.ComplaintVariables.EFFECT;
import static com.complaintdesk.complaint.ComplaintVariables.GOAL_MET;
import static com.complaintdesk.complaint.ComplaintVariables.MEASURES;
import static com.complaintdesk.complaint.ComplaintVariables.RESULT_REPLY;

import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.TaskInput;
import com.complaintdesk.complaint.TimelineEventType;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the confirmed result: measures taken, their effect, whether the goal was met, and the handler's message to
 * the user (drafted from the template by OfferReply), which InformUserOfResult sends with the result once it is met.
 */
@Component("recordResult")
public class RecordResult implements TaskListener {

  private final ComplaintRepository complaints;
  private final ComplaintJournal journal;

  public RecordResult(ComplaintRepository complaints, ComplaintJournal journal) {
    this.complaints = complaints;
    this.journal = journal;
  }

  @Override
  public void notify(DelegateTask task) {
    var measures = TaskInput.required(task, MEASURES, "Say what was done.");
    var effect = TaskInput.required(task, EFFECT, "Say what it changed for the user.");
    boolean goalMet = TaskInput.flag(task, GOAL_MET);
    // The form hides the message until the goal is met: a message of an unmet goal is no message.
    String reply = TaskInput.offeredText(task, RESULT_REPLY);
    task.setVariable(GOAL_MET, goalMet);
    if (!goalMet) {
      // back to implementation: its form starts with "not done" again
      task.setVariable(DONE, false);
    }
    var complaint = journal.complaint(task.getExecution().getProcessBusinessKey());
    complaints.recordResult(complaint.id(), measures, effect, goalMet, goalMet ? reply : null);
    journal.record(complaint, goalMet ? TimelineEventType.RESOLVED : TimelineEventType.GOAL_NOT_MET,
        goalMet ? measures : effect);
  }
}
