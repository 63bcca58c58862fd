package com.complaintdesk.intake;

import com.complaintdesk.complaint.Contact;
import java.util.Locale;

/**
 * Whether two submissions come from the same person: the same email address (case and surrounding spaces
 * ignored) or the same phone number (digits only). Names are not compared: people write theirs differently
 * each time, and a name alone identifies nobody.
 *
 * <p>Phone numbers arrive as typed: "+86 138-0000-1234", "0086 13800001234" or, without the country code,
 * "138 0000 1234". Leading zeros (international prefix 00, national trunk 0) are dropped, and a number that is
 * the end of the other counts as the same if it still has at least {@value #MIN_NATIONAL_DIGITS} digits, so
 * the national and the international form of one number match.
 */
final class SameContact {

  static final int MIN_NATIONAL_DIGITS = 8;

  private SameContact() {
  }

  static boolean as(Contact a, Contact b) {
    String emailA = email(a);
    if (emailA != null && emailA.equals(email(b))) {
      return true;
    }
    return samePhone(phoneDigits(a), phoneDigits(b));
  }

  /** Lower case, trimmed; null when there is none. */
  static String email(Contact contact) {
    if (contact == null || contact.email() == null || contact.email().isBlank()) {
      return null;
    }
    return contact.email().strip().toLowerCase(Locale.ROOT);
  }

  /** The digits of the phone number without leading zeros; null when there are none. */
  static String phoneDigits(Contact contact) {
    if (contact == null || contact.phone() == null) {
      return null;
    }
    String digits = contact.phone().replaceAll("\\D", "").replaceFirst("^0+", "");
    return digits.isEmpty() ? null : digits;
  }

  static boolean samePhone(String digitsA, String digitsB) {
    if (digitsA == null || digitsB == null) {
      return false;
    }
    String shorter = digitsA.length() <= digitsB.length() ? digitsA : digitsB;
    String longer = shorter == digitsA ? digitsB : digitsA;
    return longer.equals(shorter) || (shorter.length() >= MIN_NATIONAL_DIGITS && longer.endsWith(shorter));
  }
}
