package com.complaintdesk.improvement;

/**
 * What complaints can be about together: a category, or a keyword within a category.
 *
 * @param keyword null for the whole category
 */
public record Topic(String category, String keyword) {

  public static Topic of(String category, String keyword) {
    return new Topic(category, keyword == null || keyword.isBlank() ? null : keyword.strip());
  }

  public boolean wholeCategory() {
    return keyword == null;
  }

  /** How staff read it: {@code PAYMENT} or {@code PAYMENT "refund"}. */
  public String label() {
    return wholeCategory() ? category : category + " \"" + keyword + "\"";
  }
}
