package com.complaintdesk.intake;

import static com.complaintdesk.complaint.ComplaintVariables.*;

import com.complaintdesk.complaint.Actor;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Contact;
import com.complaintdesk.complaint.NewComplaint;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.deadline.Deadlines;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a complaint in from any channel: the record, its first timeline entry, the acknowledgement and the
 * started process commit together, or not at all. The process continues asynchronously after its start
 * event, so a failing rule never turns an acknowledged complaint into an error.
 */
@Service
public class ComplaintIntake {

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final TrackingNumbers trackingNumbers;
  private final Deadlines deadlines;
  private final NotificationOutbox outbox;
  private final RuntimeService runtimeService;
  private final Actor actor;
  private final IdempotentSubmissions idempotentSubmissions;

  public ComplaintIntake(ComplaintRepository complaints, Timeline timeline, TrackingNumbers trackingNumbers,
      Deadlines deadlines, NotificationOutbox outbox, RuntimeService runtimeService, Actor actor,
      IdempotentSubmissions idempotentSubmissions) {
    this.idempotentSubmissions = idempotentSubmissions;
    this.complaints = complaints;
    this.timeline = timeline;
    this.trackingNumbers = trackingNumbers;
    this.deadlines = deadlines;
    this.outbox = outbox;
    this.runtimeService = runtimeService;
    this.actor = actor;
  }

  /** What arrived, in the words of its channel. */
  public record Submission(Channel channel, Instant receivedAt, String locale, String subject, String description,
      String rawText, String declaredType, String affectedUsers, Contact contact) {
  }

  @Transactional
  public Complaint receive(Submission submission) {
    return receive(submission, Optional.empty());
  }

  /**
   * Receives a complaint once per idempotency key: a concurrent second use of the key waits for the first one's
   * lock at its insert and then fails on the key.
   */
  @Transactional
  public Complaint receive(Submission submission, Optional<IdempotentSubmissions.Key> idempotencyKey) {
    Instant receivedAt = submission.receivedAt() != null ? submission.receivedAt() : now();
    var newComplaint = new NewComplaint(trackingNumbers.nextTrackingNumber(), trackingNumbers.nextAccessToken(),
        submission.channel(), receivedAt, submission.locale(), submission.subject(), submission.description(),
        submission.rawText(), submission.declaredType(), submission.affectedUsers(),
        submission.contact() == null ? Contact.NONE : submission.contact(),
        submission.channel().isCapturedByStaff() ? deadlines.loggingDueAt(receivedAt) : null);
    long id = complaints.insert(newComplaint, now());
    idempotencyKey.ifPresent(key -> idempotentSubmissions.remember(key, id));
    timeline.record(id, TimelineEventType.RECEIVED, "via " + submission.channel(), actor.current());

    var instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, newComplaint.trackingNumber(),
        variablesOf(newComplaint));
    complaints.linkProcessInstance(id, instance.getId());
    Complaint complaint = complaints.get(newComplaint.trackingNumber());
    outbox.toComplainant(complaint, NotificationTemplate.ACKNOWLEDGEMENT, Map.of());
    return complaint;
  }

  private static VariableMap variablesOf(NewComplaint complaint) {
    VariableMap variables = Variables.createVariables()
        .putValue(TRACKING_NUMBER, complaint.trackingNumber())
        .putValue(CHANNEL, complaint.channel().name())
        .putValue(CAPTURED_BY_STAFF, complaint.channel().isCapturedByStaff())
        .putValue(RECEIVED_AT, Date.from(complaint.receivedAt()))
        .putValue(DECLARED_TYPE, complaint.declaredType())
        .putValue(AFFECTED_USERS, complaint.affectedUsers())
        .putValue(SUBJECT, complaint.subject())
        .putValue(DESCRIPTION, complaint.description())
        .putValue(REOPEN_COUNT, 0);
    if (complaint.rawText() != null) {
      variables.putValue(RAW_TEXT, complaint.rawText());
    }
    if (complaint.loggingDueAt() != null) {
      variables.putValue(LOGGING_DUE_AT, Date.from(complaint.loggingDueAt()));
    }
    return variables;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
