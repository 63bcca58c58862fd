package com.complaintdesk.feedback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param surveyWait how long we wait for the survey answer before customer service phones the user
 * @param maxReopens how often a dissatisfied user can reopen the complaint before a manager reviews it
 * @param answerWait how long we wait for the answer to a handler's question before reminding the user once;
 *     after as long again the handler goes on without it
 */
@ConfigurationProperties("complaint-desk.feedback")
public record FeedbackProperties(@DefaultValue("P7D") Duration surveyWait, @DefaultValue("2") int maxReopens,
    @DefaultValue("P7D") Duration answerWait) {
}
