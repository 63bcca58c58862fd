package com.complaintdesk.intake.mailbox;

import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.intake.TrackingNumbers;
import com.complaintdesk.complaint.Actor;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.feedback.ComplainantActions;
import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a mail from the mailbox into a complaint of channel EMAIL, or, when it answers one of our mails, into an
 * entry on that complaint's timeline. A mail is taken in once: its row in {@code mailbox_message} is inserted first,
 * in the same transaction as the complaint, so a second node (or a second read after a crash) fails on the primary
 * key and the whole attempt rolls back.
 */
@Service
class MailboxIntake {

  /** The longest raw text the complaint table takes. */
  static final int MAX_RAW_TEXT = 10_000;
  /** The longest timeline detail. */
  static final int MAX_REPLY_TEXT = 5_000;
  private static final Pattern TRACKING_NUMBER = Pattern.compile("\\b" + TrackingNumbers.PATTERN + "\\b");
  private static final Pattern OUR_MESSAGE_ID = Pattern.compile("<notification-(\\d+)\\.\\d+@complaint-desk>");
  // A quoted status link carries the complainant's access token: it must not reach the engine or staff's screens.
  private static final Pattern ACCESS_TOKEN = Pattern.compile("([?&]token=)[A-Za-z0-9_-]+");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  // Where a mail program starts quoting the mail it answers: "On … wrote:", Outlook's header block, Chinese clients.
  private static final Pattern QUOTE_START = Pattern.compile(
      "(?m)^(On .{1,200} wrote:|-{2,} ?Original Message ?-{2,}|From: .*|在.{1,200}写道[:：]|-{2,} ?原始邮件 ?-{2,})\\s*$");

  enum Outcome { NEW_COMPLAINT, REPLY, AUTOMATIC }

  /** What became of a mail: a new complaint, a reply on an existing one, or nothing (a machine's mail). */
  record Taken(Outcome outcome, String trackingNumber) {
  }

  private final JdbcClient jdbc;
  private final ComplaintIntake intake;
  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final Actor actor;
  private final NotificationOutbox outbox;
  private final ComplainantActions actions;

  MailboxIntake(JdbcClient jdbc, ComplaintIntake intake, ComplaintRepository complaints, Timeline timeline,
      Actor actor, NotificationOutbox outbox, ComplainantActions actions) {
    this.jdbc = jdbc;
    this.intake = intake;
    this.complaints = complaints;
    this.timeline = timeline;
    this.actor = actor;
    this.outbox = outbox;
    this.actions = actions;
  }

  boolean alreadyTaken(String key) {
    return jdbc.sql("select count(*) from mailbox_message where message_id = :key").param("key", key)
        .query(Long.class).single() > 0;
  }

  /**
   * Takes the mail in. Throws {@link org.springframework.dao.DuplicateKeyException} when another node or an earlier
   * read took it in first; nothing of this attempt stays then.
   */
  @Transactional
  public Taken take(IncomingMail mail, String defaultLocale) {
    remember(mail.key());
    if (mail.automatic()) {
      // A bounce or an out-of-office answer to our acknowledgement would otherwise be acknowledged in turn, forever.
      record(mail.key(), Outcome.AUTOMATIC, null);
      return new Taken(Outcome.AUTOMATIC, null);
    }
    Optional<Complaint> answered = answeredComplaint(mail);
    if (answered.isPresent()) {
      var complaint = answered.get();
      String reply = replyText(mail);
      timeline.record(complaint.id(), TimelineEventType.USER_REPLIED, reply, actor.current());
      outbox.toWhoeverHandles(complaint, NotificationTemplate.USER_REPLIED, Map.of("reply", reply));
      answerOpenQuestion(complaint, reply);
      record(mail.key(), Outcome.REPLY, complaint.id());
      return new Taken(Outcome.REPLY, complaint.trackingNumber());
    }
    var complaint = intake.receive(new ComplaintIntake.Submission(Channel.EMAIL, mail.sentAt(),
        locale(mail, defaultLocale), MailReader.cut(mail.subject(), 200), null, rawText(mail), null, null,
        mail.sender()));
    record(mail.key(), Outcome.NEW_COMPLAINT, complaint.id());
    return new Taken(Outcome.NEW_COMPLAINT, complaint.trackingNumber());
  }

  /**
   * A reply while the handler's question is open is the answer, too (cut to what an answer holds). Checked
   * before correlating: a failed correlation would mark this transaction rollback-only and lose the mail.
   */
  private void answerOpenQuestion(Complaint complaint, String reply) {
    if (!reply.isBlank() && actions.waitsForAnswer(complaint)) {
      actions.answerQuestion(complaint, MailReader.cut(reply.strip(), ComplainantActions.MAX_ANSWER));
    }
  }

  /**
   * The complaint the mail answers: named by the Message-ID of one of our notifications in In-Reply-To or
   * References, or by its tracking number in the subject, and only when the mail comes from that complaint's own
   * address. Anyone can write a tracking number into a subject; a stranger's mail becomes a complaint of its own
   * instead of a line on somebody else's timeline (and never sees that complaint).
   */
  private Optional<Complaint> answeredComplaint(IncomingMail mail) {
    if (!mail.sender().hasEmail()) {
      return Optional.empty();
    }
    Set<Long> candidates = new LinkedHashSet<>();
    for (String messageId : mail.referencedMessageIds()) {
      Matcher ours = OUR_MESSAGE_ID.matcher(messageId);
      if (ours.matches()) {
        jdbc.sql("select complaint_id from notification where id = :id and complaint_id is not null")
            .param("id", Long.parseLong(ours.group(1)))
            .query(Long.class).optional().ifPresent(candidates::add);
      }
    }
    Matcher trackingNumbers = TRACKING_NUMBER.matcher(mail.subject());
    while (trackingNumbers.find()) {
      complaints.findByTrackingNumber(trackingNumbers.group()).ifPresent(complaint -> candidates.add(complaint.id()));
    }
    return candidates.stream()
        .map(complaints::findById)
        .flatMap(Optional::stream)
        .filter(complaint -> complaint.contact().hasEmail()
            && complaint.contact().email().equalsIgnoreCase(mail.sender().email()))
        .findFirst();
  }

  /** Subject, text and the list of attachments, cut to what the complaint table holds. */
  static String rawText(IncomingMail mail) {
    String subject = "Subject: " + mail.subject();
    String attachments = mail.attachments().isEmpty() ? ""
        : "\n\nAttachments (not stored):\n" + String.join("\n",
            mail.attachments().stream().map(attachment -> "- " + attachment.describe()).toList());
    int room = MAX_RAW_TEXT - subject.length() - attachments.length() - 2;
    String text = withoutTokens(mail.text());
    return MailReader.cut(subject + "\n\n" + MailReader.cut(text, Math.max(room, 1)) + attachments, MAX_RAW_TEXT);
  }

  /** What the complainant wrote, without the mail it quotes (ours, with the status link), and its attachments. */
  static String replyText(IncomingMail mail) {
    String text = mail.text();
    Matcher quote = QUOTE_START.matcher(text);
    if (quote.find()) {
      text = text.substring(0, quote.start());
    }
    text = String.join("\n", text.lines().filter(line -> !line.startsWith(">")).toList()).strip();
    String attachments = mail.attachments().isEmpty() ? ""
        : "\n\nAttachments (not stored): " + String.join(", ",
            mail.attachments().stream().map(IncomingMail.Attachment::describe).toList());
    return MailReader.cut(withoutTokens(text) + attachments, MAX_REPLY_TEXT);
  }

  private static String withoutTokens(String text) {
    return ACCESS_TOKEN.matcher(text).replaceAll("$1(removed)");
  }

  /** Chinese where the complainant wrote Chinese, so that the acknowledgement is in their language. */
  private static String locale(IncomingMail mail, String defaultLocale) {
    return HAN.matcher(mail.subject()).find() || HAN.matcher(mail.text()).find() ? "zh-CN" : defaultLocale;
  }

  private void remember(String key) {
    jdbc.sql("insert into mailbox_message (message_id, processed_at) values (:key, :now)")
        .param("key", key)
        .param("now", new Timestamp(ClockUtil.getCurrentTime().getTime()))
        .update();
  }

  private void record(String key, Outcome outcome, Long complaintId) {
    jdbc.sql("update mailbox_message set outcome = :outcome, complaint_id = :complaintId where message_id = :key")
        .param("outcome", outcome.name())
        .param("complaintId", complaintId)
        .param("key", key)
        .update();
  }
}
