package com.complaintdesk.similarity;

/**
 * A suggested classification: the category and department that the most similar settled complaints had, each with
 * a confidence from 0 (no similar settled complaint) to 1 (all of them agree, and they are as close as the closest).
 */
public record Suggestion(String category, double categoryConfidence, String department, double departmentConfidence) {

  public static final Suggestion NONE = new Suggestion(null, 0, null, 0);
}
