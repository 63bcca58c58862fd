package com.complaintdesk.feedback;

import static com.complaintdesk.complaint.ComplaintVariables.REOPEN_COUNT;

import com.complaintdesk.complaint.Actor;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends a dissatisfied user's complaint back to the department, and tells the user. */
@Component("reopenComplaint")
public class ReopenComplaint implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final NotificationOutbox outbox;
  private final Actor actor;

  public ReopenComplaint(ComplaintRepository complaints, Timeline timeline, NotificationOutbox outbox, Actor actor) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.outbox = outbox;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = complaints.get(execution.getProcessBusinessKey());
    int reopenCount = complaint.reopenCount() + 1;
    complaints.recordReopened(complaint.id(), reopenCount);
    execution.setVariable(REOPEN_COUNT, reopenCount);
    timeline.record(complaint.id(), TimelineEventType.REOPENED, "reopened " + reopenCount + " time(s)", actor.current());
    outbox.toComplainant(complaint, NotificationTemplate.REOPENED, Map.of());
  }
}
