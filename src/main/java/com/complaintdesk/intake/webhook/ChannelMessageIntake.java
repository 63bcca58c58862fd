package com.complaintdesk.intake.webhook;

import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.intake.SubmissionInProgress;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.feedback.ComplainantActions;
import com.complaintdesk.intake.webhook.ChannelMessages.Outcome;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a verified webhook message in, once per sender's message id: a survey answer goes to its complaint as
 * the SurveyAnswered message, anything else becomes a complaint of the webhook's channel, waiting in "Log
 * complaint" like every staff-captured one. The message id, the complaint or answer, and the process step
 * commit together, or not at all.
 */
@Service
class ChannelMessageIntake {

  /** How often a delivery waits for a concurrent delivery of the same message before it asks for a retry. */
  static final int LOCK_WAITS = 3;
  /** The complaint table's raw text holds this much. */
  static final int MAX_RAW_TEXT = 10_000;

  /** What became of a message; {@code repeated} when an earlier delivery of it did this. */
  record Result(Outcome outcome, Complaint complaint, boolean repeated) {
  }

  private final ChannelMessages messages;
  private final ComplaintIntake intake;
  private final ComplainantActions complainantActions;
  private final ComplaintRepository complaints;
  private final TransactionTemplate transactions;

  ChannelMessageIntake(ChannelMessages messages, ComplaintIntake intake, ComplainantActions complainantActions,
      ComplaintRepository complaints, TransactionTemplate transactions) {
    this.messages = messages;
    this.intake = intake;
    this.complainantActions = complainantActions;
    this.complaints = complaints;
    this.transactions = transactions;
  }

  Result take(ChannelWebhook webhook, ChannelMessage message) {
    checkFitsChannel(webhook, message);
    for (int attempt = 1; ; attempt++) {
      Optional<Result> earlier = earlier(webhook, message);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      try {
        return transactions.execute(status -> takeOnce(webhook, message));
      } catch (DuplicateKeyException concurrentDelivery) {
        // A delivery of the same message committed while this one waited for its key: this one rolled back.
        return earlier(webhook, message).orElseThrow(() -> concurrentDelivery);
      } catch (QueryTimeoutException | CannotAcquireLockException lockWait) {
        // The other delivery holds the key longer than the database waits for a lock: wait again, then give up.
        if (attempt == LOCK_WAITS) {
          throw new SubmissionInProgress("A delivery of this message is still being processed; retry in a moment.",
              lockWait);
        }
      }
    }
  }

  private Result takeOnce(ChannelWebhook webhook, ChannelMessage message) {
    messages.claim(webhook, message.messageId(), ClockUtil.getCurrentTime().toInstant());
    if (message.isSurveyAnswer()) {
      Complaint complaint = complaints.findByTrackingNumber(message.trackingNumber()).orElseThrow(() ->
          new InvalidChannelMessage("trackingNumber", "no complaint has this tracking number"));
      complainantActions.answerSurvey(complaint, message.satisfaction(), message.comment());
      messages.recordOutcome(webhook, message.messageId(), Outcome.SURVEY_ANSWERED, complaint.id());
      return new Result(Outcome.SURVEY_ANSWERED, complaint, false);
    }
    Complaint complaint = intake.receive(new ComplaintIntake.Submission(webhook.channel(), message.sentAt(),
        message.locale() == null ? "en" : message.locale(), null, null, rawTextOf(message), null, null,
        message.author() == null ? null : message.author().toContact()));
    messages.recordOutcome(webhook, message.messageId(), Outcome.COMPLAINT_CREATED, complaint.id());
    return new Result(Outcome.COMPLAINT_CREATED, complaint, false);
  }

  private Optional<Result> earlier(ChannelWebhook webhook, ChannelMessage message) {
    return messages.find(webhook, message.messageId())
        .map(taken -> new Result(taken.outcome(), complaints.findById(taken.complaintId()).orElseThrow(), true));
  }

  /** Only survey tools answer a complaint's survey or give a score; the other channels bring complaints. */
  private static void checkFitsChannel(ChannelWebhook webhook, ChannelMessage message) {
    if (webhook.takesSurveyAnswers()) {
      if (message.text() != null && rawTextOf(message).length() > MAX_RAW_TEXT) {
        throw new InvalidChannelMessage("text", "must be at most " + (MAX_RAW_TEXT - (rawTextOf(message).length()
            - message.text().trim().length())) + " characters when a score comes with it");
      }
      return;
    }
    if (message.trackingNumber() != null) {
      throw new InvalidChannelMessage("trackingNumber", "only the survey channel answers a complaint; leave it out");
    }
    if (message.satisfaction() != null) {
      throw new InvalidChannelMessage("satisfaction", "only the survey channel takes a score; leave it out");
    }
  }

  /** The intake agent reads the complaint as the user wrote it; a survey's score goes with it. */
  private static String rawTextOf(ChannelMessage message) {
    String text = message.text().trim();
    return message.satisfaction() == null ? text : "Survey score: " + message.satisfaction() + " of 5\n\n" + text;
  }
}
