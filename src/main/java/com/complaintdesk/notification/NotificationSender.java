package com.complaintdesk.notification;

/** Delivers one notification. Throws when delivery failed, so that the dispatcher retries it. */
public interface NotificationSender {

  void send(Notification notification);
}
