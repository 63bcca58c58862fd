package com.complaintdesk.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

/**
 * How long the personal data of a closed (or withdrawn, or duplicate) complaint is kept, counted from its
 * closing.
 *
 * @param contactDetailsAfter when the complainant's name, email and phone are erased, with the messages we
 *     sent to that address
 * @param complaintTextsAfter when the texts are erased too (subject, description, raw text, plan, result,
 *     comments, timeline details); the models' historyTimeToLive (P730D) removes the same texts from the
 *     engine's history at about the same time
 * @param schedule when the retention job runs (a Spring cron expression; "-" turns it off)
 * @param batchSize how many complaints one transaction anonymises
 */
@ConfigurationProperties("complaint-desk.retention")
public record RetentionProperties(
    @DefaultValue("P90D") Duration contactDetailsAfter,
    @DefaultValue("P730D") Duration complaintTextsAfter,
    @DefaultValue(RetentionProperties.DEFAULT_SCHEDULE) String schedule,
    @DefaultValue("100") int batchSize) {

  static final String DEFAULT_SCHEDULE = "0 30 2 * * *";

  public RetentionProperties {
    if (contactDetailsAfter.isNegative() || complaintTextsAfter.compareTo(contactDetailsAfter) < 0) {
      throw new IllegalArgumentException("complaint-desk.retention.contact-details-after must be 0 or more and at most"
          + " complaint-texts-after (contact details go first), were " + contactDetailsAfter + " and "
          + complaintTextsAfter);
    }
    if (!Scheduled.CRON_DISABLED.equals(schedule) && !CronExpression.isValidExpression(schedule)) {
      throw new IllegalArgumentException("complaint-desk.retention.schedule must be a cron expression such as \""
          + DEFAULT_SCHEDULE + "\" (second minute hour day month weekday) or \"-\" (off), was \"" + schedule + "\"");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("complaint-desk.retention.batch-size must be 1 or more, was " + batchSize);
    }
  }
}
