package com.complaintdesk.intake;

import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.Contact;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the complaint form on the public page asks; bound field by field, so a bean with setters. */
public class ComplaintForm {

  @NotNull(message = "{form.declaredType.required}")
  @ChoosableCategory(message = "{form.declaredType.required}")
  private String declaredType;

  @NotBlank(message = "{form.subject.required}")
  @Size(max = 200, message = "{form.subject.tooLong}")
  private String subject;

  @NotBlank(message = "{form.description.required}")
  @Size(max = 10_000, message = "{form.description.tooLong}")
  private String description;

  @NotNull(message = "{form.affectedUsers.required}")
  private AffectedUsers affectedUsers;

  @Size(max = 200, message = "{form.contactName.tooLong}")
  private String contactName;

  @Email(message = "{form.contactEmail.invalid}")
  @Size(max = 320, message = "{form.contactEmail.invalid}")
  private String contactEmail;

  @Pattern(regexp = "|" + Contact.PHONE_PATTERN, message = "{form.contactPhone.invalid}")
  private String contactPhone;

  private boolean consent;

  /** Contact details are kept only with the user's consent to be contacted. */
  @AssertTrue(message = "{form.consent.required}")
  public boolean isConsentGivenForContact() {
    boolean contactGiven = !isBlank(contactEmail) || !isBlank(contactPhone);
    return consent || !contactGiven;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  public String getDeclaredType() {
    return declaredType;
  }

  public void setDeclaredType(String declaredType) {
    this.declaredType = declaredType;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public AffectedUsers getAffectedUsers() {
    return affectedUsers;
  }

  public void setAffectedUsers(AffectedUsers affectedUsers) {
    this.affectedUsers = affectedUsers;
  }

  public String getContactName() {
    return contactName;
  }

  public void setContactName(String contactName) {
    this.contactName = contactName;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String contactEmail) {
    this.contactEmail = contactEmail;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public void setContactPhone(String contactPhone) {
    this.contactPhone = contactPhone;
  }

  public boolean isConsent() {
    return consent;
  }

  public void setConsent(boolean consent) {
    this.consent = consent;
  }
}
