package com.complaintdesk.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The signed webhooks of {@code POST /api/channels/{channel}/messages}. A webhook without a secret is off: its
 * path answers 404. Set secrets outside the code, e.g. {@code COMPLAINT_DESK_CHANNELS_WEBHOOKS_SOCIALMEDIA_SECRET}.
 *
 * @param socialMedia the webhook {@code social-media} (complaints of channel SOCIAL_MEDIA)
 * @param chat the webhook {@code chat} for chat bots (complaints of channel SOCIAL_MEDIA)
 * @param survey the webhook {@code survey} (answers to a complaint's survey, or complaints of channel SURVEY)
 * @param signatureTolerance how far a message's X-Timestamp may lie from our clock, either way; older
 *     messages are refused as replays
 */
@ConfigurationProperties("complaint-desk.channels.webhooks")
public record ChannelWebhookProperties(Webhook socialMedia, Webhook chat, Webhook survey,
    @DefaultValue("PT5M") Duration signatureTolerance) {

  /** A shared secret this short can be guessed offline from one signed message. */
  static final int MIN_SECRET_LENGTH = 32;

  /** @param secret the key of the HMAC-SHA256 signature the sending tool computes; empty or absent = off */
  public record Webhook(String secret) {

    public Webhook {
      if (secret != null && !secret.isEmpty() && secret.length() < MIN_SECRET_LENGTH) {
        throw new IllegalArgumentException("A webhook secret needs at least " + MIN_SECRET_LENGTH
            + " characters (e.g. from `openssl rand -hex 32`); one of complaint-desk.channels.webhooks.*.secret is shorter.");
      }
    }

    /** Says whether a secret is set, never what it is. */
    @Override
    public String toString() {
      return "Webhook[secret=" + (secret == null || secret.isEmpty() ? "none" : "(withheld)") + "]";
    }
  }

  public ChannelWebhookProperties {
    if (signatureTolerance.isNegative() || signatureTolerance.isZero()) {
      throw new IllegalArgumentException(
          "complaint-desk.channels.webhooks.signature-tolerance must be positive, was " + signatureTolerance);
    }
  }

  /** The webhook's secret, if it is configured. */
  Optional<byte[]> secretOf(ChannelWebhook webhook) {
    Webhook settings = switch (webhook) {
      case SOCIAL_MEDIA -> socialMedia;
      case CHAT -> chat;
      case SURVEY -> survey;
    };
    return Optional.ofNullable(settings).map(Webhook::secret).filter(secret -> !secret.isEmpty())
        .map(secret -> secret.getBytes(StandardCharsets.UTF_8));
  }
}
