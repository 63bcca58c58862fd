package com.complaintdesk.complaint;

import java.time.Instant;

/** One entry of a complaint's timeline. */
public record TimelineEvent(TimelineEventType type, ComplaintStatus status, String detail, String actor,
    Instant occurredAt) {
}
