package com.complaintdesk.audit;

import com.complaintdesk.complaint.Timeline;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Reads a complaint for the "Complaint" tab of Cockpit: by its tracking number, the business key of its instance. */
@Component
class CockpitComplaints {

  private final AuditedComplaints complaints;
  private final Timeline timeline;
  private final DeadlineBreaches breaches;

  CockpitComplaints(AuditedComplaints complaints, Timeline timeline, DeadlineBreaches breaches) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.breaches = breaches;
  }

  Optional<CockpitComplaint> of(String trackingNumber) {
    return complaints.find(trackingNumber).map(complaint -> new CockpitComplaint(complaint.trackingNumber(),
        complaint.status(), complaint.channel(), complaint.category(), complaint.priority(), complaint.department(),
        complaint.handler(), complaint.receivedAt(), complaint.loggedAt(), complaint.closedAt(),
        complaint.reopenCount(), complaint.satisfaction(), complaint.goalMet(), complaint.duplicateOf(),
        complaint.loggingDueAt(), complaint.responseDueAt(), breaches.of(complaint.id()),
        timeline.of(complaint.id()).stream()
            .map(event -> new CockpitComplaint.Entry(event.occurredAt(), event.type().name(),
                Wording.words(event.type().name()), event.status(), event.actor(), event.detail(),
                !event.type().isPublic(), event.type().isDeadlineBreach()))
            .toList(),
        UriComponentsBuilder.fromPath("/staff/complaints/{trackingNumber}/audit")
            .buildAndExpand(complaint.trackingNumber()).toUriString()));
  }
}
