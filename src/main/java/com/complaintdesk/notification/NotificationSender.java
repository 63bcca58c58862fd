package com.complaintdesk.notification;

/**
 * A channel that delivers notifications: email today (SMTP, or the local outbox when no mail server is
 * configured); SMS or in-app messages would be further implementations. Only {@link NotificationDispatcher}
 * calls it; the process never sees a sender.
 *
 * <p>Throws when delivery failed, so that the dispatcher retries it. May be called again for a delivery it
 * already made (a crash before the dispatcher recorded it): use {@link Delivery#messageId()} so the receiving
 * side can tell.
 */
public interface NotificationSender {

  void send(Delivery delivery);
}
