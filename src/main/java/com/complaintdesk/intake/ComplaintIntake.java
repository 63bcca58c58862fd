package com.complaintdesk.intake;

import static com.complaintdesk.complaint.ComplaintVariables.*;

import com.complaintdesk.complaint.Actor;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintConflict;
import com.complaintdesk.complaint.ComplaintNotFound;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Contact;
import com.complaintdesk.complaint.NewComplaint;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.deadline.Deadlines;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a complaint in from any channel: the record, its first timeline entry, the acknowledgement and the
 * started process commit together, or not at all. The process continues asynchronously after its start
 * event, so a failing rule never turns an acknowledged complaint into an error.
 *
 * <p>A submission that repeats the contact's open complaint ({@link DuplicateSubmissions}) is kept as what the
 * user sent, with a tracking number and token of its own (so a retry with its Idempotency-Key, and its status
 * page, work as for any other), but it opens no second case: it is recorded as DUPLICATE of the open complaint
 * at once, starts no process (nobody would have work to do on it), and both timelines show the link. The user
 * gets one message saying where their submission went instead of the acknowledgement. Triage may undo the
 * link ({@link #unlink}); the submission then starts its own process as if it had just arrived.
 */
@Service
public class ComplaintIntake {

  private static final Logger log = LoggerFactory.getLogger(ComplaintIntake.class);

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final TrackingNumbers trackingNumbers;
  private final Deadlines deadlines;
  private final NotificationOutbox outbox;
  private final RuntimeService runtimeService;
  private final Actor actor;
  private final IdempotentSubmissions idempotentSubmissions;
  private final DuplicateSubmissions duplicates;

  public ComplaintIntake(ComplaintRepository complaints, Timeline timeline, TrackingNumbers trackingNumbers,
      Deadlines deadlines, NotificationOutbox outbox, RuntimeService runtimeService, Actor actor,
      IdempotentSubmissions idempotentSubmissions, DuplicateSubmissions duplicates) {
    this.idempotentSubmissions = idempotentSubmissions;
    this.duplicates = duplicates;
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
    Optional<DuplicateSubmissions.Match> repeated = duplicates.openComplaintRepeatedBy(submission, receivedAt);
    var newComplaint = new NewComplaint(trackingNumbers.nextTrackingNumber(), trackingNumbers.nextAccessToken(),
        submission.channel(), receivedAt, submission.locale(), submission.subject(), submission.description(),
        submission.rawText(), submission.declaredType(), submission.affectedUsers(),
        submission.contact() == null ? Contact.NONE : submission.contact(),
        // a linked submission waits for nobody to log it
        submission.channel().isCapturedByStaff() && repeated.isEmpty() ? deadlines.loggingDueAt(receivedAt) : null);
    long id = complaints.insert(newComplaint, now());
    idempotencyKey.ifPresent(key -> idempotentSubmissions.remember(key, id));
    timeline.record(id, TimelineEventType.RECEIVED, "via " + submission.channel(), actor.current());
    if (repeated.isPresent()) {
      return linkToOpenComplaint(complaints.get(newComplaint.trackingNumber()), repeated.get());
    }
    Complaint complaint = startProcess(complaints.get(newComplaint.trackingNumber()));
    outbox.toComplainant(complaint, NotificationTemplate.ACKNOWLEDGEMENT, Map.of());
    return complaint;
  }

  /**
   * Undoes a link made at intake: the submission becomes a complaint of its own, with its own process, as if it
   * had just arrived (a staff-captured one waits in "Log complaint", its logging deadline counted from now: it
   * was recorded in time, on the open complaint). Only links made at intake: a duplicate that triage marked has
   * ended its process and is reopened by no one.
   */
  @Transactional
  public Complaint unlink(String trackingNumber) {
    Complaint linked = complaints.findByTrackingNumber(trackingNumber).orElseThrow(ComplaintNotFound::new);
    boolean linkedAtIntake = linked.status() == ComplaintStatus.DUPLICATE && complaints.recordUnlinked(linked.id(),
        linked.channel().isCapturedByStaff() ? deadlines.loggingDueAt(now()) : null);
    if (!linkedAtIntake) {
      throw new ComplaintConflict("Complaint " + trackingNumber + " is not a submission linked to an open complaint at"
          + " intake; only those can be unlinked.");
    }
    String openTrackingNumber = linked.duplicateOf();
    timeline.record(linked.id(), TimelineEventType.UNLINKED_FROM_OPEN_COMPLAINT, "from " + openTrackingNumber,
        actor.current());
    complaints.findByTrackingNumber(openTrackingNumber).ifPresent(open ->
        timeline.record(open.id(), TimelineEventType.SUBMISSION_UNLINKED, trackingNumber, actor.current()));
    Complaint complaint = startProcess(complaints.get(trackingNumber));
    log.info("Submission {} unlinked from complaint {}: it is handled on its own", trackingNumber, openTrackingNumber);
    return complaint;
  }

  private Complaint linkToOpenComplaint(Complaint submission, DuplicateSubmissions.Match match) {
    Complaint open = match.openComplaint();
    complaints.recordDuplicateOf(submission.id(), open.trackingNumber());
    timeline.record(submission.id(), TimelineEventType.LINKED_TO_OPEN_COMPLAINT, open.trackingNumber(), actor.current());
    timeline.record(open.id(), TimelineEventType.SUBMISSION_LINKED,
        String.format(Locale.ROOT, "%s (text similarity %.2f)", submission.trackingNumber(), match.similarity()),
        actor.current());
    Complaint linked = complaints.get(submission.trackingNumber());
    outbox.toComplainant(linked, NotificationTemplate.LINKED_TO_OPEN_COMPLAINT,
        Map.of("openTrackingNumber", open.trackingNumber()));
    log.info("Submission {} linked to open complaint {} (text similarity {})", linked.trackingNumber(),
        open.trackingNumber(), String.format(Locale.ROOT, "%.2f", match.similarity()));
    return linked;
  }

  private Complaint startProcess(Complaint complaint) {
    var instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, complaint.trackingNumber(),
        variablesOf(complaint));
    complaints.linkProcessInstance(complaint.id(), instance.getId());
    return complaints.get(complaint.trackingNumber());
  }

  private static VariableMap variablesOf(Complaint complaint) {
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
