package com.complaintdesk.handling;

import static com.complaintdesk.complaint.ComplaintVariables.DONE;
import static com.complaintdesk.complaint.ComplaintVariables.LAST_PROGRESS_NOTE;
import static com.complaintdesk.complaint.ComplaintVariables.PROGRESS_NOTE;
import static com.complaintdesk.complaint.ComplaintVariables.PROGRESS_REPLY;
import static com.complaintdesk.complaint.ComplaintVariables.SEND_PROGRESS_REPLY;

import com.complaintdesk.complaint.ComplaintJournal;
import com.complaintdesk.complaint.InvalidTaskInput;
import com.complaintdesk.complaint.TaskInput;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the user informed while the plan is carried out: a progress note goes on the public timeline and
 * to the user. The note is the handler's own, or, when the handler chose to send it, the reply drafted from the
 * template (OfferReply) as the handler left it. Both are then cleared, so that the next round starts afresh and
 * nothing is sent twice.
 */
@Component("recordProgress")
public class RecordProgress implements TaskListener {

  private final ComplaintJournal journal;
  private final NotificationOutbox outbox;

  public RecordProgress(ComplaintJournal journal, NotificationOutbox outbox) {
    this.journal = journal;
    this.outbox = outbox;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean sendReply = TaskInput.offeredFlag(task, SEND_PROGRESS_REPLY);
    String reply = TaskInput.offeredText(task, PROGRESS_REPLY);
    if (sendReply && reply == null) {
      throw new InvalidTaskInput(PROGRESS_REPLY + " is empty: write the reply, or untick \"Send the reply\"");
    }
    var note = sendReply ? reply : TaskInput.optional(task, PROGRESS_NOTE);
    task.setVariable(DONE, TaskInput.flag(task, DONE));
    var complaint = journal.complaint(task.getExecution().getProcessBusinessKey());
    if (note != null) {
      journal.record(complaint, TimelineEventType.PROGRESS_NOTE, note);
      outbox.toComplainant(complaint, NotificationTemplate.PROGRESS_NOTE, Map.of("note", note));
      task.getExecution().getProcessInstance().setVariable(LAST_PROGRESS_NOTE, note);
    } else {
      journal.record(complaint, TimelineEventType.WORK_CONTINUED, null);
    }
    task.getExecution().getProcessInstance().removeVariable(PROGRESS_NOTE);
  }
}
