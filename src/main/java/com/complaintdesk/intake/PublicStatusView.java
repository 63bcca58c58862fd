package com.complaintdesk.intake;

import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.TimelineEventType;
import java.time.Instant;
import java.util.List;

/**
 * What the complainant may see of their complaint: the JSON status answer and the status page show this.
 * {@code duplicateOf} is the tracking number of the complaint it is handled with (never that one's token);
 * {@code openQuestion} the handler's question while the process waits for the complainant's answer, else null;
 * {@code improvement} whether the platform is improving what the complaint was about (an improvement action links
 * it), else null.
 */
public record PublicStatusView(String trackingNumber, ComplaintStatus status, Instant receivedAt, String category,
    Deadlines deadlines, List<Entry> timeline, Integer satisfaction, String duplicateOf, String openQuestion,
    Improvement improvement) {

  /** What an improvement action about the complaint's topic has come to. */
  public enum Improvement {
    /** An improvement is under way. */
    UNDER_WAY,
    /** It was delivered and verified. */
    DELIVERED
  }

  /** The deadlines that apply now: logging while it waits to be logged, the plan while the department works. */
  public record Deadlines(Instant loggingDueAt, Instant responseDueAt) {
  }

  /** A public timeline entry. */
  public record Entry(TimelineEventType type, ComplaintStatus status, String detail, Instant at) {
  }

  public boolean surveyOpen() {
    return status == ComplaintStatus.AWAITING_FEEDBACK;
  }

  public boolean questionOpen() {
    return openQuestion != null;
  }

  public boolean withdrawable() {
    return !status.isFinal();
  }
}
