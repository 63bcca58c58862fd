package com.complaintdesk.complaint;

import java.time.Instant;

/** An entry was added to a complaint's timeline; listeners run in the same transaction. */
public record TimelineRecorded(long complaintId, TimelineEventType type, Instant occurredAt) {
}
