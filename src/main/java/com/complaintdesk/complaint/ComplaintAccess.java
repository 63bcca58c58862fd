package com.complaintdesk.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;

/**
 * Opens a complaint for its complainant: the tracking number and the secret token together. Whatever is
 * wrong (unknown number, missing or wrong token) looks the same from outside, so nobody learns which
 * tracking numbers exist.
 */
@Component
public class ComplaintAccess {

  private final ComplaintRepository complaints;

  public ComplaintAccess(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  public Complaint open(String trackingNumber, String accessToken) {
    if (trackingNumber == null || accessToken == null || trackingNumber.length() > 20) {
      throw new ComplaintNotFound();
    }
    return complaints.findByTrackingNumber(trackingNumber)
        .filter(complaint -> MessageDigest.isEqual(bytes(complaint.accessToken()), bytes(accessToken)))
        .orElseThrow(ComplaintNotFound::new);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
