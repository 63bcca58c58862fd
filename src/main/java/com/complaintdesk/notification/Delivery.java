package com.complaintdesk.notification;

import java.util.List;

/**
 * What a sender delivers: the notification, rendered, to the addresses its recipient resolved to, under a
 * message id that stays the same on every attempt, so a receiver can tell a resend from a new message.
 */
public record Delivery(Notification notification, RenderedMessage message, List<String> addresses, String messageId) {

  public Delivery {
    addresses = List.copyOf(addresses);
  }

  /** Without the addresses and the text (which may carry a private status link). */
  @Override
  public String toString() {
    return "Delivery[notification=" + notification.id() + ", template=" + notification.template() + ", addresses="
        + addresses.size() + ", messageId=" + messageId + "]";
  }
}
