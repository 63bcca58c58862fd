package com.complaintdesk.intake;

import com.complaintdesk.complaint.Contact;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** How the complainant wants to be reached; every part is optional. */
public record ContactRequest(
    @Size(max = 200) String name,
    @Email @Size(max = 320) String email,
    @Pattern(regexp = Contact.PHONE_PATTERN, message = Contact.PHONE_INVALID)
    String phone) {

  /** Spring logs request bodies at DEBUG: this one says which details came, not what they are. */
  @Override
  public String toString() {
    return "ContactRequest[name=" + Contact.withheld(name) + ", email=" + Contact.withheld(email) + ", phone="
        + Contact.withheld(phone) + "]";
  }

  Contact toContact() {
    return new Contact(blankToNull(name), blankToNull(email), blankToNull(phone));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
