package com.complaintdesk.complaint;

/** How many users a complaint concerns, as the complainant judges it. */
public enum AffectedUsers {
  ONE, SOME, MANY
}
