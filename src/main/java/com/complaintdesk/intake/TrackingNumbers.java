package com.complaintdesk.intake;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Tracking numbers ({@code CD-} and ten characters without look-alikes, read out on the phone) and the
 * secret access tokens that go with them. Both are random so that nobody can guess another's complaint.
 */
@Component
public class TrackingNumbers {

  /** Crockford's base 32: no I, L, O, U. */
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  public static final String PATTERN = "CD-[0-9A-HJKMNP-TV-Z]{10}";

  private final SecureRandom random = new SecureRandom();

  public String nextTrackingNumber() {
    var number = new StringBuilder("CD-");
    for (int i = 0; i < 10; i++) {
      number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return number.toString();
  }

  public String nextAccessToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
