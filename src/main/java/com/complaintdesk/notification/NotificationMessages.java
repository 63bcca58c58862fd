package com.complaintdesk.notification;

import org.springframework.stereotype.Component;

/**
 * Turns a queued notification into the message its reader gets, in the reader's language. Placeholder until
 * the mail templates land: it names the template and the payload only.
 */
@Component
public class NotificationMessages {

  public RenderedMessage render(Notification notification) {
    String subject = notification.template().name();
    String text = notification.payload();
    String html = "<pre>" + org.springframework.web.util.HtmlUtils.htmlEscape(text) + "</pre>";
    return new RenderedMessage(subject, text, html);
  }
}
