package com.complaintdesk.notification;

/** Who a notification goes to: the complainant's address, or a staff user or group of the identity service. */
public enum RecipientKind {
  COMPLAINANT, STAFF_USER, STAFF_GROUP
}
