package com.complaintdesk.intake;

import com.complaintdesk.complaint.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A complaint that reached staff by email, hotline, social media or a survey, in its raw form. */
public record StaffIntakeRequest(
    @NotNull Channel channel,
    @NotNull @PastOrPresent Instant receivedAt,
    @NotBlank @Size(max = 10_000) String rawText,
    @Valid ContactRequest contact,
    @Pattern(regexp = "en|zh-CN", message = "must be en or zh-CN") String locale) {

  @AssertTrue(message = "must be EMAIL, HOTLINE, SOCIAL_MEDIA or SURVEY; web and app complaints use /api/complaints")
  boolean isChannelCapturedByStaff() {
    return channel == null || channel.isCapturedByStaff();
  }
}
