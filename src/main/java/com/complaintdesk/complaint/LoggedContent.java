package com.complaintdesk.complaint;

/** What logging a complaint establishes: the complaint in the platform's words. */
public record LoggedContent(String subject, String description, String declaredType, String affectedUsers) {
}
