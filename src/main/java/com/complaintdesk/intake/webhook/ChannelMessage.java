package com.complaintdesk.intake.webhook;

import com.complaintdesk.complaint.Contact;
import com.complaintdesk.intake.TrackingNumbers;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A message a social-media tool, chat bot or survey tool posts to its webhook. With a tracking number it is a
 * survey answer to that complaint (survey webhook only); otherwise its text becomes a new complaint.
 */
@Schema(description = "A message from a social-media tool, chat bot or survey tool. With `trackingNumber` it is"
    + " the answer to that complaint's satisfaction survey (`satisfaction`, optional `comment`; survey channel"
    + " only); without, `text` becomes a new complaint.")
public record ChannelMessage(
    @Schema(description = "The sender's own id of the message; a message sent again with the same id is taken once.",
        example = "survey-4711")
    @NotBlank @Size(max = 200) @Pattern(regexp = "\\p{Graph}*", message = "must be letters, digits or punctuation, without spaces")
    String messageId,
    @Schema(description = "When the user sent it: the complaint's time of receipt, from which its logging deadline runs.")
    @NotNull @PastOrPresent Instant sentAt,
    @Valid Author author,
    @Schema(description = "What the user wrote; required for a new complaint, absent in a survey answer.")
    @Size(max = 10_000) String text,
    @Schema(description = "The complaint a survey answer is for.", example = "CD-7K2M9QX4TB")
    @Pattern(regexp = TrackingNumbers.PATTERN, message = "must be a tracking number like CD-7K2M9QX4TB")
    String trackingNumber,
    @Schema(description = "Survey channel only: 1 (very dissatisfied) to 5 (very satisfied). Required in a survey"
        + " answer; with a new complaint it is noted in its text.")
    @Min(1) @Max(5) Integer satisfaction,
    @Schema(description = "A survey answer's comment.")
    @Size(max = 2000) String comment,
    @Pattern(regexp = "en|zh-CN", message = "must be en or zh-CN") String locale) {

  /** Who sent it, as far as the channel knows; kept in the complaint table only, never in the engine. */
  @Schema(name = "ChannelMessageAuthor")
  public record Author(
      @Size(max = 150) String name,
      @Schema(description = "The user's handle on the channel", example = "@liwei")
      @Size(max = 45) String handle,
      @Email @Size(max = 320) String email,
      @Pattern(regexp = Contact.PHONE_PATTERN, message = Contact.PHONE_INVALID)
      String phone) {

    /** Spring logs request bodies at DEBUG: this one says which details came, not what they are. */
    @Override
    public String toString() {
      return "Author[name=" + Contact.withheld(name) + ", handle=" + Contact.withheld(handle) + ", email="
          + Contact.withheld(email) + ", phone=" + Contact.withheld(phone) + "]";
    }

    /** The handle is how the channel knows the user: it goes with the name, so retention erases it with it. */
    Contact toContact() {
      String shownName = blankToNull(name);
      String shownHandle = blankToNull(handle);
      if (shownName != null && shownHandle != null) {
        shownName = shownName + " (" + shownHandle + ")";
      } else if (shownName == null) {
        shownName = shownHandle;
      }
      return new Contact(shownName, blankToNull(email), blankToNull(phone));
    }
  }

  /** Spring logs request bodies at DEBUG: the words and the author stay out. */
  @Override
  public String toString() {
    return "ChannelMessage[messageId=" + messageId + ", sentAt=" + sentAt + ", author=" + author + ", text="
        + Contact.withheld(text) + ", trackingNumber=" + trackingNumber + ", satisfaction=" + satisfaction
        + ", comment=" + Contact.withheld(comment) + ", locale=" + locale + "]";
  }

  boolean isSurveyAnswer() {
    return trackingNumber != null;
  }

  @AssertTrue(message = "must not be blank: it is the complaint")
  boolean isTextGivenForComplaint() {
    return isSurveyAnswer() || !isBlank(text);
  }

  @AssertTrue(message = "must be left out of a survey answer, whose words go in comment")
  boolean isTextLeftOutOfAnswer() {
    return !isSurveyAnswer() || text == null;
  }

  @AssertTrue(message = "a survey answer needs a score from 1 to 5")
  boolean isScoreGivenWithAnswer() {
    return !isSurveyAnswer() || satisfaction != null;
  }

  @AssertTrue(message = "belongs to a survey answer (with trackingNumber); a new complaint's words go in text")
  boolean isCommentOnlyInAnswer() {
    return isSurveyAnswer() || comment == null;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value.trim();
  }
}
