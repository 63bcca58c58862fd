package com.complaintdesk.complaint;

/** How to reach the complainant. Kept in our tables only, never in the engine. */
public record Contact(String name, String email, String phone) {

  public static final Contact NONE = new Contact(null, null, null);

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
