package com.complaintdesk.notification;

/** A notification as its reader sees it: the subject line, a plain-text body and the same body as HTML. */
public record RenderedMessage(String subject, String text, String html) {
}
