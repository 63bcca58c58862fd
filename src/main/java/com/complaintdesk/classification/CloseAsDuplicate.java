package com.complaintdesk.classification;

import static com.complaintdesk.complaint.ComplaintVariables.DUPLICATE_OF;

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

/** Closes a complaint as a duplicate, linked to its original, and tells the user where to follow it. */
@Component("closeAsDuplicate")
public class CloseAsDuplicate implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final NotificationOutbox outbox;
  private final Actor actor;

  public CloseAsDuplicate(ComplaintRepository complaints, Timeline timeline, NotificationOutbox outbox, Actor actor) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.outbox = outbox;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var original = (String) execution.getVariable(DUPLICATE_OF);
    var complaint = complaints.get(execution.getProcessBusinessKey());
    complaints.recordDuplicateOf(complaint.id(), original);
    timeline.record(complaint.id(), TimelineEventType.DUPLICATE, "duplicate of " + original, actor.current());
    outbox.toComplainant(complaint, NotificationTemplate.DUPLICATE, Map.of("originalTrackingNumber", original));
  }
}
