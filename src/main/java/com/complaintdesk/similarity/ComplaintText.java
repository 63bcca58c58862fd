package com.complaintdesk.similarity;

/** The text of a complaint that similarity compares: subject and description, or what staff captured before logging. */
public final class ComplaintText {

  private ComplaintText() {
  }

  public static String of(String subject, String description, String rawText) {
    if (subject == null && description == null) {
      return rawText;
    }
    return (subject == null ? "" : subject) + "\n" + (description == null ? "" : description);
  }
}
