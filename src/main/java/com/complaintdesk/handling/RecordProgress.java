package com.complaintdesk.handling;

import static com.complaintdesk.complaint.ComplaintVariables.DONE;
import static com.complaintdesk.complaint.ComplaintVariables.LAST_PROGRESS_NOTE;
import static com.complaintdesk.complaint.ComplaintVariables.PROGRESS_NOTE;

import com.complaintdesk.complaint.Actor;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the user informed while the plan is carried out: a progress note goes on the public timeline and
 * to the user. The note is then cleared, so that the next round starts empty and nothing is sent twice.
 */
@Component("recordProgress")
public class RecordProgress implements TaskListener {

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final NotificationOutbox outbox;
  private final Actor actor;

  public RecordProgress(ComplaintRepository complaints, Timeline timeline, NotificationOutbox outbox, Actor actor) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.outbox = outbox;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    var note = TaskInput.optional(task, PROGRESS_NOTE);
    task.setVariable(DONE, TaskInput.flag(task, DONE));
    var complaint = complaints.get(task.getExecution().getProcessBusinessKey());
    if (note != null) {
      timeline.record(complaint.id(), TimelineEventType.PROGRESS_NOTE, note, actor.current());
      outbox.toComplainant(complaint, NotificationTemplate.PROGRESS_NOTE, Map.of("note", note));
      task.getExecution().getProcessInstance().setVariable(LAST_PROGRESS_NOTE, note);
    } else {
      timeline.record(complaint.id(), TimelineEventType.WORK_CONTINUED, null, actor.current());
    }
    task.getExecution().getProcessInstance().removeVariable(PROGRESS_NOTE);
  }
}
