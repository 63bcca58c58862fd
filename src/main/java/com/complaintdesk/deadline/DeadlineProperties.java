package com.complaintdesk.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every time limit and wait of the process but the response times, which the decision complaint-response-time
 * gives per priority. One block, so a designer finds them in one place (documented in application.yaml).
 *
 * @param loggingWindow how long after receipt a staff-captured complaint must be logged (policy: 24 hours)
 * @param reminderAtShare the share of the response time after which the handler is reminded
 * @param surveyWait how long we wait for the survey answer before customer service phones the user
 * @param answerWait how long we wait for the answer to a handler's question before reminding the user once;
 *     after as long again the handler goes on without it
 * @param maxReopens how often a dissatisfied user can reopen the complaint before a manager reviews it
 */
@ConfigurationProperties("complaint-desk.deadlines")
public record DeadlineProperties(
    @DefaultValue("PT24H") Duration loggingWindow,
    @DefaultValue("0.66") double reminderAtShare,
    @DefaultValue("P7D") Duration surveyWait,
    @DefaultValue("P7D") Duration answerWait,
    @DefaultValue("2") int maxReopens) {

  private static final String PREFIX = "complaint-desk.deadlines.";

  public DeadlineProperties {
    if (reminderAtShare <= 0 || reminderAtShare >= 1) {
      throw new IllegalArgumentException(
          PREFIX + "reminder-at-share must be between 0 and 1 (exclusive), e.g. 0.66, was " + reminderAtShare);
    }
    requirePositive("logging-window", loggingWindow);
    requirePositive("survey-wait", surveyWait);
    requirePositive("answer-wait", answerWait);
    if (maxReopens < 0) {
      throw new IllegalArgumentException(PREFIX + "max-reopens must be 0 (never reopen) or more, was " + maxReopens);
    }
  }

  private static void requirePositive(String property, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          PREFIX + property + " must be a positive ISO-8601 duration such as PT24H or P7D, was " + value);
    }
  }
}
