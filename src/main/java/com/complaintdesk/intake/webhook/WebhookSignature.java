package com.complaintdesk.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook message, as Stripe and Slack sign theirs: {@code X-Signature: sha256=<hex>}, the
 * HMAC-SHA256 with the webhook's secret of {@code <X-Timestamp>.<raw body>}, where X-Timestamp is the sending
 * time in Unix seconds. The timestamp is signed, so a recorded message cannot be replayed once it is older
 * than the tolerance; within it, the message id makes a replay harmless.
 */
final class WebhookSignature {

  static final String SIGNATURE_HEADER = "X-Signature";
  static final String TIMESTAMP_HEADER = "X-Timestamp";
  private static final String PREFIX = "sha256=";

  private WebhookSignature() {
  }

  /** Why a message is refused, or empty if its signature is good and fresh. Says what is wrong, never a value. */
  static Optional<String> refusal(byte[] secret, String timestamp, String signature, byte[] body, Instant now,
      Duration tolerance) {
    if (timestamp == null || signature == null) {
      return Optional.of("Sign the message: headers " + TIMESTAMP_HEADER + " (Unix seconds) and " + SIGNATURE_HEADER
          + " (sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\" with the channel's secret>) are required.");
    }
    if (!timestamp.matches("[0-9]{1,12}")) {
      return Optional.of(TIMESTAMP_HEADER + " must be the sending time in Unix seconds.");
    }
    Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
    if (Duration.between(sent, now).abs().compareTo(tolerance) > 0) {
      return Optional.of(TIMESTAMP_HEADER + " is more than " + tolerance.toMinutes()
          + " minutes from our clock; sign the message again when sending it, and keep the sender's clock right.");
    }
    byte[] expected = (PREFIX + HexFormat.of().formatHex(hmac(secret, timestamp, body))).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return Optional.of("The signature does not match the message; sign \"<" + TIMESTAMP_HEADER
          + ">.<body>\" exactly as sent, with the channel's secret.");
    }
    return Optional.empty();
  }

  private static byte[] hmac(byte[] secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
