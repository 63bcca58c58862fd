package com.complaintdesk.deadline;

/** The deadlines of the policy that are tracked and reported. */
public enum Deadline {
  /** A staff-captured complaint is logged within 24 hours of receipt. */
  LOGGING,
  /** The department's named handler gives an initial plan within the response time (3 days by default). */
  RESPONSE
}
