package com.complaintdesk.complaint;

/** How to reach the complainant. Kept in our tables only, never in the engine. */
public record Contact(String name, String email, String phone) {

  public static final Contact NONE = new Contact(null, null, null);

  /** What a phone number may look like, on every way in: digits, spaces and + ( ) . / -. */
  public static final String PHONE_PATTERN = "\\+?[0-9 ()./-]{5,40}";
  /** The answer to a phone number that does not look like one, in the JSON APIs. */
  public static final String PHONE_INVALID = "must be a phone number: digits, spaces, + ( ) . / -";

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }

  /** Says which details are there, never what they are: a Contact in a log line must not put them there. */
  @Override
  public String toString() {
    return "Contact[name=" + withheld(name) + ", email=" + withheld(email) + ", phone=" + withheld(phone) + "]";
  }

  /** How a personal value shows in a log line or message: whether there is one, not what it is. */
  public static String withheld(String value) {
    return value == null ? "null" : "(withheld)";
  }
}
