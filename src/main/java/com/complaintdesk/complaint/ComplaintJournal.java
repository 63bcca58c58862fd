package com.complaintdesk.complaint;

import org.springframework.stereotype.Component;

/**
 * What a process step needs of the complaint behind it: the record (by the process's business key, the
 * tracking number) and a timeline entry in the name of whoever is acting.
 */
@Component
public class ComplaintJournal {

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final Actor actor;

  public ComplaintJournal(ComplaintRepository complaints, Timeline timeline, Actor actor) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.actor = actor;
  }

  public Complaint complaint(String trackingNumber) {
    return complaints.get(trackingNumber);
  }

  public void record(Complaint complaint, TimelineEventType type, String detail) {
    timeline.record(complaint.id(), type, detail, actor.current());
  }
}
