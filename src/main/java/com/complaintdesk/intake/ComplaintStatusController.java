package com.complaintdesk.intake;

import com.complaintdesk.complaint.ComplaintAccess;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The complainant's view of a complaint: {@code GET /api/complaints/{trackingNumber}} with X-Access-Token. */
@RestController
class ComplaintStatusController {

  private final ComplaintAccess access;
  private final Timeline timeline;

  ComplaintStatusController(ComplaintAccess access, Timeline timeline) {
    this.access = access;
    this.timeline = timeline;
  }

  record ComplaintStatusView(String trackingNumber, ComplaintStatus status, Instant receivedAt, String category,
      Deadlines deadlines, List<Entry> timeline) {
  }

  /** The deadlines that apply now: logging while it waits to be logged, the plan while the department works. */
  record Deadlines(Instant loggingDueAt, Instant responseDueAt) {
  }

  record Entry(TimelineEventType type, ComplaintStatus status, String detail, Instant at) {
  }

  @GetMapping(path = "/api/complaints/{trackingNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
  ComplaintStatusView status(@PathVariable String trackingNumber,
      @RequestHeader(name = "X-Access-Token", required = false) String accessToken) {
    var complaint = access.open(trackingNumber, accessToken);
    var status = complaint.status();
    var deadlines = new Deadlines(
        complaint.loggedAt() == null ? complaint.loggingDueAt() : null,
        status.ordinal() < ComplaintStatus.PLANNED.ordinal() ? complaint.responseDueAt() : null);
    var entries = timeline.publicEntriesOf(complaint.id()).stream()
        .map(event -> new Entry(event.type(), event.status(), event.detail(), event.occurredAt()))
        .toList();
    return new ComplaintStatusView(complaint.trackingNumber(), status, complaint.receivedAt(), complaint.category(),
        deadlines, entries);
  }
}
