package com.complaintdesk.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param duplicateWindow how long after an open complaint was received a submission from the same contact with
 *     nearly the same text is linked to it instead of opening a second complaint; {@code PT0S} turns linking off
 * @param duplicateSimilarity how nearly the same the texts must be ({@link TextSimilarity}, from 0 to 1)
 */
@ConfigurationProperties("complaint-desk.intake")
public record IntakeProperties(
    @DefaultValue("P7D") Duration duplicateWindow,
    @DefaultValue("0.8") double duplicateSimilarity) {

  public IntakeProperties {
    if (duplicateWindow.isNegative()) {
      throw new IllegalArgumentException(
          "complaint-desk.intake.duplicate-window must be PT0S (off) or longer, was " + duplicateWindow);
    }
    if (duplicateSimilarity <= 0 || duplicateSimilarity > 1) {
      throw new IllegalArgumentException(
          "complaint-desk.intake.duplicate-similarity must be above 0 and at most 1, was " + duplicateSimilarity);
    }
  }

  boolean linksDuplicates() {
    return !duplicateWindow.isZero();
  }
}
