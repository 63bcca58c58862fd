package com.complaintdesk.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The embedded default needs no mail server: a notification counts as delivered once it rests in the local
 * outbox table, where staff can read it. Active unless {@code spring.mail.host} is set ({@link SmtpMailSender}).
 */
@Component
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
class LocalOutboxSender implements NotificationSender {

  private static final Logger log = LoggerFactory.getLogger(LocalOutboxSender.class);

  @Override
  public void send(Delivery delivery) {
    log.info("Notification {} ({}) to a {} kept in the local outbox", delivery.notification().id(),
        delivery.notification().template(), delivery.notification().recipientKind());
  }
}
