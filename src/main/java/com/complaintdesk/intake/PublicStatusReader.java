package com.complaintdesk.intake;

import com.complaintdesk.improvement.ImprovementActionRepository;
import com.complaintdesk.improvement.ImprovementStatus;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.feedback.ComplainantActions;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Builds the complainant's view of a complaint: status, public timeline, the deadlines that still apply. */
@Component
public class PublicStatusReader {

  /** While the department has not yet given its plan, its deadline applies. */
  private static final Set<ComplaintStatus> AWAITING_PLAN =
      EnumSet.of(ComplaintStatus.RECEIVED, ComplaintStatus.LOGGED, ComplaintStatus.CLASSIFIED, ComplaintStatus.ASSIGNED);

  private final Timeline timeline;
  private final ComplainantActions actions;
  private final ImprovementActionRepository improvements;

  public PublicStatusReader(Timeline timeline, ComplainantActions actions, ImprovementActionRepository improvements) {
    this.timeline = timeline;
    this.actions = actions;
    this.improvements = improvements;
  }

  public PublicStatusView of(Complaint complaint) {
    var deadlines = new PublicStatusView.Deadlines(
        complaint.loggedAt() == null ? complaint.loggingDueAt() : null,
        AWAITING_PLAN.contains(complaint.status()) ? complaint.responseDueAt() : null);
    var entries = timeline.publicEntriesOf(complaint.id()).stream()
        .map(event -> new PublicStatusView.Entry(event.type(), event.status(), event.detail(), event.occurredAt()))
        .toList();
    return new PublicStatusView(complaint.trackingNumber(), complaint.status(), complaint.receivedAt(),
        complaint.category(), deadlines, entries, complaint.satisfaction(), complaint.duplicateOf(),
        actions.openQuestion(complaint).orElse(null), improvement(complaint));
  }

  /** A declined action is no news to the complainant. */
  private PublicStatusView.Improvement improvement(Complaint complaint) {
    return improvements.latestFor(complaint.id())
        .filter(status -> status != ImprovementStatus.DECLINED)
        .map(status -> status.open() ? PublicStatusView.Improvement.UNDER_WAY : PublicStatusView.Improvement.DELIVERED)
        .orElse(null);
  }
}
