package com.complaintdesk.intake.webhook;

import com.complaintdesk.intake.webhook.ChannelMessages.Outcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Signed webhooks of social-media tools, chat bots and survey tools: {@code POST /api/channels/{channel}/messages}.
 * {@link WebhookSignatureCheck} has verified the signature before the body gets here.
 */
@RestController
class ChannelMessageController {

  private final ChannelMessageIntake intake;

  ChannelMessageController(ChannelMessageIntake intake) {
    this.intake = intake;
  }

  /** What became of the message. No access token: the sender is a tool, not the complainant. */
  record ChannelMessageReceipt(
      @Schema(description = "The sender's message id") String messageId,
      Outcome outcome,
      @Schema(description = "The complaint the message created or answered") String trackingNumber,
      @Schema(description = "true when this message id was taken before: the answer is the first delivery's")
      Boolean repeated) {
  }

  @PostMapping(path = "/api/channels/{channel}/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "receiveChannelMessage",
      summary = "Take in a signed message from a social-media tool, chat bot or survey tool",
      description = "A message without `trackingNumber` becomes a complaint of the channel (SOCIAL_MEDIA for"
          + " `social-media` and `chat`, SURVEY for `survey`) that waits for an intake agent to log it. On the"
          + " `survey` channel a message with `trackingNumber` answers that complaint's satisfaction survey."
          + " Each message id is taken once: a repeated delivery answers 200 with the first delivery's result.")
  @Parameter(in = ParameterIn.HEADER, name = WebhookSignature.TIMESTAMP_HEADER, required = true,
      description = "When the message was signed, in Unix seconds; more than 5 minutes off our clock is refused"
          + " (401).", example = "1767605400", schema = @Schema(type = "string", pattern = "^[0-9]{1,12}$"))
  @Parameter(in = ParameterIn.HEADER, name = WebhookSignature.SIGNATURE_HEADER, required = true,
      description = "`sha256=` and the lower-case hex HMAC-SHA256, keyed with the channel's secret, of the"
          + " X-Timestamp value, a dot, and the raw request body as sent.",
      schema = @Schema(type = "string", pattern = "^sha256=[0-9a-f]{64}$"))
  @ApiResponse(responseCode = "201", description = "A new complaint was filed.")
  @ApiResponse(responseCode = "200", description = "The survey answer reached its complaint, or this message id was"
      + " taken before (`repeated`: the first delivery's result).",
      content = @Content(schema = @Schema(implementation = ChannelMessageReceipt.class)))
  @ApiResponse(responseCode = "401", description = "Missing or wrong signature, or an X-Timestamp more than 5"
      + " minutes off our clock.")
  @ApiResponse(responseCode = "404", description = "No such channel, or no secret is configured for it.")
  @ApiResponse(responseCode = "409", description = "The complaint is not waiting for a survey answer, or a delivery"
      + " of this message is still being processed (retry after `Retry-After` seconds).")
  ResponseEntity<ChannelMessageReceipt> receive(
      @Parameter(description = "The sending tool's channel", schema = @Schema(allowableValues = {"social-media",
          "chat", "survey"})) @PathVariable String channel,
      @Parameter(hidden = true) @RequestAttribute(name = WebhookSignatureCheck.VERIFIED_WEBHOOK, required = false)
      ChannelWebhook verified,
      @Valid @RequestBody ChannelMessage message) {
    if (verified == null || !verified.pathSegment().equals(channel)) {
      // Only a path the signature check did not recognise gets here unverified (e.g. with ;parameters).
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The message was not verified for this channel.");
    }
    var result = intake.take(verified, message);
    var receipt = new ChannelMessageReceipt(message.messageId(), result.outcome(),
        result.complaint().trackingNumber(), result.repeated() ? Boolean.TRUE : null);
    if (result.repeated() || result.outcome() == Outcome.SURVEY_ANSWERED) {
      return ResponseEntity.ok(receipt);
    }
    return ResponseEntity.created(URI.create("/api/complaints/" + receipt.trackingNumber())).body(receipt);
  }
}
