package com.complaintdesk.audit;

import java.util.List;

/**
 * Everything the audit page shows of one complaint: its facts, what happened in time order, the deadlines it
 * missed, its messages, and the engine's view of its process instance with the way to its history in Cockpit (null when
 * the complaint never had a process, e.g. a submission linked to an open complaint at intake).
 */
record AuditTrail(AuditedComplaint complaint, List<Step> steps, List<DeadlineBreaches.Breach> breaches,
    List<ComplaintNotifications.SentNotification> notifications, ProcessHistory process, String cockpitPath) {
}
