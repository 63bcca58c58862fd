package com.complaintdesk.complaint;

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
 *
 * <p>The complaint table keeps each contact's keys ({@link #email}, {@link #phoneKey}) in indexed columns, so that
 * the open complaints of a contact are found without reading every recent complaint; two contacts that are the same
 * have an equal key, and the exact comparison ({@link #as}) decides among those.
 */
public final class SameContact {

  static final int MIN_NATIONAL_DIGITS = 8;

  private SameContact() {
  }

  public static boolean as(Contact a, Contact b) {
    String emailA = email(a);
    if (emailA != null && emailA.equals(email(b))) {
      return true;
    }
    return samePhone(phoneDigits(a), phoneDigits(b));
  }

  /** Lower case, trimmed; null when there is none. */
  public static String email(Contact contact) {
    if (contact == null || contact.email() == null || contact.email().isBlank()) {
      return null;
    }
    return contact.email().strip().toLowerCase(Locale.ROOT);
  }

  /** The digits of the phone number without leading zeros; null when there are none. */
  public static String phoneDigits(Contact contact) {
    if (contact == null || contact.phone() == null) {
      return null;
    }
    String digits = contact.phone().replaceAll("\\D", "").replaceFirst("^0+", "");
    return digits.isEmpty() ? null : digits;
  }

  /**
   * The phone number's last {@value #MIN_NATIONAL_DIGITS} digits (all of a shorter one): equal for every two numbers
   * that are the same by {@link #samePhone}; null when there are none.
   */
  public static String phoneKey(Contact contact) {
    String digits = phoneDigits(contact);
    return digits == null ? null : digits.substring(Math.max(0, digits.length() - MIN_NATIONAL_DIGITS));
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
