package com.complaintdesk.audit;

import com.complaintdesk.complaint.Timeline;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/** Puts together a complaint's audit trail from our tables and the engine's history. */
@Component
class AuditTrails {

  private final AuditedComplaints complaints;
  private final Timeline timeline;
  private final DeadlineBreaches breaches;
  private final ComplaintNotifications notifications;
  private final EngineHistory engineHistory;
  private final Chronology chronology;
  private final String engineName;

  AuditTrails(AuditedComplaints complaints, Timeline timeline, DeadlineBreaches breaches,
      ComplaintNotifications notifications, EngineHistory engineHistory, Chronology chronology, ProcessEngine engine) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.breaches = breaches;
    this.notifications = notifications;
    this.engineHistory = engineHistory;
    this.chronology = chronology;
    this.engineName = engine.getName();
  }

  boolean exists(String trackingNumber) {
    return complaints.find(trackingNumber).isPresent();
  }

  Optional<AuditTrail> of(String trackingNumber) {
    return complaints.find(trackingNumber).map(this::trail);
  }

  private AuditTrail trail(AuditedComplaint complaint) {
    String instanceId = complaint.processInstanceId();
    ProcessHistory process = instanceId == null ? ProcessHistory.none() : engineHistory.of(instanceId);
    if (complaint.textsErased()) {
      process = process.withoutFreeText(ProcessHistory.DecisionValue.ERASED);
    }
    var messages = notifications.of(complaint.id());
    return new AuditTrail(complaint, chronology.of(timeline.of(complaint.id()), messages, process),
        breaches.of(complaint.id()), messages, process,
        instanceId == null ? null : "/camunda/app/cockpit/" + engineName + "/#/complaint-history/" + instanceId);
  }
}
