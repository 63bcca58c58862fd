package com.complaintdesk.handling;

import static com.complaintdesk.complaint.ComplaintVariables.ANSWER;
import static com.complaintdesk.complaint.ComplaintVariables.PLAN;
import static com.complaintdesk.complaint.ComplaintVariables.QUESTION_FOR_USER;

import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.InvalidTaskInput;
import com.complaintdesk.complaint.TaskInput;
import com.complaintdesk.complaint.TimelineEventType;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the handler's initial plan: the department has answered within its deadline or not. A handler who
 * first asks the user a question ({@code askUser}) gives the question instead; the plan comes after the answer.
 * One whose question stayed unanswered may close the complaint instead ({@code closeUnanswered}).
 */
@Component("recordPlan")
public class RecordPlan implements TaskListener {

  private static final int MAX_QUESTION = 2000;

  private final ComplaintRepository complaints;
  private final ComplaintJournal journal;

  public RecordPlan(ComplaintRepository complaints, ComplaintJournal journal) {
    this.complaints = complaints;
    this.journal = journal;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskInput.flag(task, "closeUnanswered")) {
      if (TaskInput.optional(task, QUESTION_FOR_USER) == null || TaskInput.optional(task, ANSWER) != null) {
        throw new InvalidTaskInput("Only a complaint whose user left your question unanswered can be closed here.");
      }
      return;
    }
    if (TaskInput.flag(task, "askUser")) {
      String question = TaskInput.required(task, QUESTION_FOR_USER, "Write the question for the user.");
      if (question.length() > MAX_QUESTION) {
        throw new InvalidTaskInput("Keep the question to " + MAX_QUESTION + " characters.");
      }
      return;
    }
    var plan = TaskInput.required(task, PLAN, "Describe the plan.");
    var complaint = journal.complaint(task.getExecution().getProcessBusinessKey());
    complaints.recordPlan(complaint.id(), plan);
    journal.record(complaint, TimelineEventType.PLAN_PROPOSED, null);
  }
}
