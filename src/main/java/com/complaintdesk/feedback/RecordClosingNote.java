package com.complaintdesk.feedback;

import static com.complaintdesk.complaint.ComplaintVariables.CLOSING_NOTE;

import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Keeps the complaint manager's closing note of a final review with the complaint. */
@Component("recordClosingNote")
public class RecordClosingNote implements TaskListener {

  private final ComplaintRepository complaints;

  public RecordClosingNote(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateTask task) {
    var note = TaskInput.required(task, CLOSING_NOTE, "say how the complaint is settled.");
    complaints.recordClosingNote(complaints.get(task.getExecution().getProcessBusinessKey()).id(), note);
  }
}
