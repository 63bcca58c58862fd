package com.complaintdesk.handling.reply;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reply template as a complaint manager wrote it: plain text with placeholders such as {@code {subject}}.
 *
 * @param category the category it is written for, or null for the stage's default
 * @param language {@code en} or {@code zh}
 * @param source the file, as messages about it should name it (e.g. {@code implement-plan/default.en.txt})
 */
public record ReplyTemplate(ReplyStage stage, String category, String language, String text, String source) {

  static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  /** The text with each placeholder replaced by its field; the reader checked that every one is known. */
  public String fill(Map<String, String> fields) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    var filled = new StringBuilder();
    while (placeholder.find()) {
      String value = fields.get(placeholder.group(1));
      if (value == null) {
        throw new IllegalArgumentException(source + ": no value for {" + placeholder.group(1) + "}");
      }
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    placeholder.appendTail(filled);
    return filled.toString().strip();
  }
}
