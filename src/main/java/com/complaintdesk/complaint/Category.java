package com.complaintdesk.complaint;

import java.util.Locale;
import java.util.Map;

/**
 * What a complaint is about, as processes/catalogue.yaml lists it: what the user declares, and what
 * classification decides.
 *
 * @param id the value of the variables {@code declaredType} and {@code category}, e.g. {@code TRANSACTION_DISPUTE}
 * @param labels the public pages' text by language tag: {@code en} always, {@code zh-CN} where the designer gave it
 * @param choosable whether complainants may choose it as their declared type
 */
public record Category(String id, Map<String, String> labels, boolean choosable) {

  public static final String ENGLISH = "en";
  public static final String SIMPLIFIED_CHINESE = "zh-CN";

  public Category {
    labels = Map.copyOf(labels);
  }

  /** The label in the reader's language; English where the catalogue has none in it. */
  public String label(Locale locale) {
    String tag = Locale.SIMPLIFIED_CHINESE.getLanguage().equals(locale.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
    return labels.getOrDefault(tag, labels.get(ENGLISH));
  }
}
