package com.complaintdesk.feedback;

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

/** Closes a handled complaint and tells the user. */
@Component("closeComplaint")
public class CloseComplaint implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final NotificationOutbox outbox;
  private final Actor actor;

  public CloseComplaint(ComplaintRepository complaints, Timeline timeline, NotificationOutbox outbox, Actor actor) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.outbox = outbox;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = complaints.get(execution.getProcessBusinessKey());
    timeline.record(complaint.id(), TimelineEventType.CLOSED, complaint.closingNote(), actor.current());
    outbox.toComplainant(complaint, NotificationTemplate.CLOSED, Map.of());
  }
}
