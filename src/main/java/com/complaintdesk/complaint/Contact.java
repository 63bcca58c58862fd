package com.complaintdesk.complaint;

/** How to reach the complainant. Kept in our tables only, never in the engine. */
public record Contact(String name, String email, String phone) {

  public static final Contact NONE = new Contact(null, null, null);

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }
}
