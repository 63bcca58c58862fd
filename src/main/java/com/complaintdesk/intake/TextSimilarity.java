package com.complaintdesk.intake;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How nearly two complaint texts say the same: the Jaccard index of their character trigrams after
 * normalising (Unicode NFKC, lower case, punctuation and symbols dropped, whitespace collapsed), from 0 (no
 * trigram in common) to 1 (the same trigrams).
 *
 * <p>Character trigrams rather than word shingles because complaints come in Chinese too, which has no spaces
 * between words, and because a resent complaint is often retyped: a typo or an added word changes a few
 * trigrams, not the whole text. Sets, not counts: a text sent again with a sentence repeated is still the same.
 */
final class TextSimilarity {

  private static final int GRAM = 3;

  private TextSimilarity() {
  }

  static double of(String a, String b) {
    Set<String> first = trigrams(normalise(a));
    Set<String> second = trigrams(normalise(b));
    if (first.isEmpty() || second.isEmpty()) {
      return 0;
    }
    Set<String> common = new HashSet<>(first);
    common.retainAll(second);
    return (double) common.size() / (first.size() + second.size() - common.size());
  }

  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\p{P}\\p{S}]+", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** A text shorter than a trigram is its own single gram, so that "ok" still equals "OK!". */
  static Set<String> trigrams(String normalised) {
    int[] codePoints = normalised.codePoints().toArray();
    Set<String> grams = new HashSet<>();
    if (codePoints.length == 0) {
      return grams;
    }
    if (codePoints.length < GRAM) {
      grams.add(normalised);
      return grams;
    }
    for (int i = 0; i + GRAM <= codePoints.length; i++) {
      grams.add(new String(codePoints, i, GRAM));
    }
    return grams;
  }
}
