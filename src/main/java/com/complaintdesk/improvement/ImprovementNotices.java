package com.complaintdesk.improvement;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The complainants who asked to be told when the improvement their complaint is part of is in place. Optional to
 * them: the status page offers it while an improvement is under way and the complaint has an email address; the
 * message goes when a manager verified the improvement.
 */
@Component
public class ImprovementNotices {

  /** What the status page offers about the notice. */
  public enum Offer {
    /** The complainant may ask for it. */
    OFFERED,
    /** They asked. */
    ASKED
  }

  private final JdbcClient jdbc;
  private final ImprovementActionRepository actions;
  private final ComplaintRepository complaints;
  private final NotificationOutbox outbox;

  ImprovementNotices(JdbcClient jdbc, ImprovementActionRepository actions, ComplaintRepository complaints,
      NotificationOutbox outbox) {
    this.jdbc = jdbc;
    this.actions = actions;
    this.complaints = complaints;
    this.outbox = outbox;
  }

  public Optional<Offer> offerFor(Complaint complaint) {
    if (!underWay(complaint)) {
      return Optional.empty();
    }
    return Optional.of(asked(complaint.id()) ? Offer.ASKED : Offer.OFFERED);
  }

  /** @return false when there is nothing to be told of: no improvement under way, or no email address to tell */
  public boolean ask(Complaint complaint) {
    if (!underWay(complaint)) {
      return false;
    }
    jdbc.sql("update complaint set improvement_notice_wanted = true where id = :id").param("id", complaint.id())
        .update();
    return true;
  }

  /** Queues the message to every complainant of the action who asked for it. */
  void tellThoseWhoAsked(long actionId) {
    jdbc.sql("""
            select c.tracking_number from complaint c
            join improvement_action_complaint l on l.complaint_id = c.id
            where l.improvement_action_id = :action and c.improvement_notice_wanted
            """)
        .param("action", actionId)
        .query(String.class).list()
        .forEach(trackingNumber -> outbox.toComplainant(complaints.get(trackingNumber),
            NotificationTemplate.IMPROVEMENT_IN_PLACE, Map.of()));
  }

  private boolean underWay(Complaint complaint) {
    return complaint.contact().hasEmail()
        && actions.latestFor(complaint.id()).map(ImprovementStatus::open).orElse(false);
  }

  private boolean asked(long complaintId) {
    return jdbc.sql("select improvement_notice_wanted from complaint where id = :id").param("id", complaintId)
        .query(Boolean.class).single();
  }
}
