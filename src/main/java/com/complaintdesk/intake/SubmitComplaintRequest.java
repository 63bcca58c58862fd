package com.complaintdesk.intake;

import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A complaint the user submits through the web form or the app. */
public record SubmitComplaintRequest(
    @NotNull Channel channel,
    @ChoosableCategory String declaredType,
    @NotBlank @Size(max = 200) String subject,
    @NotBlank @Size(max = 10_000) String description,
    @NotNull AffectedUsers affectedUsers,
    @Valid ContactRequest contact,
    @Pattern(regexp = "en|zh-CN", message = "must be en or zh-CN") String locale,
    @PastOrPresent Instant receivedAt) {

  @AssertTrue(message = "must be WEB_FORM or APP; other channels are captured by staff through /api/intake")
  boolean isChannelSelfService() {
    return channel == null || !channel.isCapturedByStaff();
  }
}
