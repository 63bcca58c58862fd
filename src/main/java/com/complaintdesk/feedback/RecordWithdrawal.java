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

/** Closes a complaint the user withdrew, whatever stage it was in, and confirms it to them. */
@Component("recordWithdrawal")
public class RecordWithdrawal implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final NotificationOutbox outbox;
  private final Actor actor;

  public RecordWithdrawal(ComplaintRepository complaints, Timeline timeline, NotificationOutbox outbox, Actor actor) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.outbox = outbox;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = complaints.get(execution.getProcessBusinessKey());
    timeline.record(complaint.id(), TimelineEventType.WITHDRAWN, null, actor.current());
    outbox.toComplainant(complaint, NotificationTemplate.WITHDRAWN, Map.of());
  }
}
