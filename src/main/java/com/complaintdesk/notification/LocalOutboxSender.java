package com.complaintdesk.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The embedded default needs no mail server: a notification counts as delivered once it rests in the local
 * outbox table, where staff can read it. SMTP delivery (when {@code spring.mail.host} is set) comes with the
 * notifications issue and replaces this sender.
 */
@Component
class LocalOutboxSender implements NotificationSender {

  private static final Logger log = LoggerFactory.getLogger(LocalOutboxSender.class);

  @Override
  public void send(Notification notification) {
    log.info("Notification {} ({}) to a {} kept in the local outbox", notification.id(), notification.template(),
        notification.recipientKind());
  }
}
