package com.complaintdesk.improvement;

import java.util.HashMap;
import java.util.Map;

/** A topic as the columns {@code category} and {@code keyword} of hot_topic and improvement_action hold it. */
final class TopicColumns {

  private TopicColumns() {
  }

  /** The rows of exactly this topic (a whole category has no keyword). */
  static String match(Topic topic) {
    return "category = :category and " + (topic.wholeCategory() ? "keyword is null" : "keyword = :keyword");
  }

  /**
   * The parameters {@link #match} names, in a map the caller may add to; no keyword for a whole category (PostgreSQL
   * cannot tell the type of a null nobody compares with).
   */
  static Map<String, Object> parameters(Topic topic) {
    var parameters = new HashMap<String, Object>();
    parameters.put("category", topic.category());
    if (!topic.wholeCategory()) {
      parameters.put("keyword", topic.keyword());
    }
    return parameters;
  }
}
