package com.complaintdesk.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Resolves a notification's recipient to addresses when it is delivered. A staff recipient is a user or group
 * id of the Camunda identity service (or the LDAP behind it), looked up now rather than when the message was
 * queued: the row keeps what the process said ("the tech-support group"), a retry reaches whoever is in the
 * group by then, and a changed address is used at once. Staff without an email address are left out with a
 * note, never an error: they still see their work in Tasklist.
 */
@Component
class Recipients {

  /** The addresses to send to, and a note on recipients left out (null when nobody was). */
  record Resolved(List<String> addresses, String note) {
  }

  private final IdentityService identity;

  Recipients(IdentityService identity) {
    this.identity = identity;
  }

  Resolved of(Notification notification) {
    return switch (notification.recipientKind()) {
      case COMPLAINANT -> new Resolved(List.of(notification.recipient()), null);
      case STAFF_USER -> staff(identity.createUserQuery().userId(notification.recipient()).list(),
          "No staff user " + notification.recipient());
      case STAFF_GROUP -> staff(identity.createUserQuery().memberOfGroup(notification.recipient()).list(),
          "Group " + notification.recipient() + " has no members");
    };
  }

  private static Resolved staff(List<User> users, String whenNobody) {
    if (users.isEmpty()) {
      return new Resolved(List.of(), whenNobody + "; nobody was sent this notification");
    }
    List<String> addresses = new ArrayList<>();
    List<String> withoutEmail = new ArrayList<>();
    users.stream().sorted(Comparator.comparing(User::getId)).forEach(user -> {
      if (user.getEmail() == null || user.getEmail().isBlank()) {
        withoutEmail.add(user.getId());
      } else if (!addresses.contains(user.getEmail())) {
        addresses.add(user.getEmail());
      }
    });
    String note = withoutEmail.isEmpty() ? null
        : "Left out for want of an email address: " + String.join(", ", withoutEmail);
    return new Resolved(addresses, note);
  }
}
