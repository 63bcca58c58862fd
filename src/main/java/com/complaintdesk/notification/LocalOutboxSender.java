package com.complaintdesk.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default needs no mail server: a notification counts as delivered once it rests in the
 * local outbox table, where staff can read it. An SMTP sender replaces this bean when mail is configured.
 */
@Configuration(proxyBeanMethods = false)
class LocalOutboxSender {

  private static final Logger log = LoggerFactory.getLogger(LocalOutboxSender.class);

  @Bean
  @ConditionalOnMissingBean(NotificationSender.class)
  NotificationSender localOutbox() {
    return notification -> log.info("Notification {} ({}) to {} kept in the local outbox", notification.id(),
        notification.template(), notification.recipientKind());
  }
}
