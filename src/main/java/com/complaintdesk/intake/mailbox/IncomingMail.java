package com.complaintdesk.intake.mailbox;

import com.complaintdesk.complaint.Contact;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A mail read from the mailbox, as far as intake needs it: who wrote it, when, what (as plain text), which
 * attachments it had (their names and sizes only: attachments are not kept), and which mails it answers.
 *
 * @param key the Message-ID, or a hash standing in for it (see {@link MailReader#keyOf})
 * @param sentAt the mail's Date header (the server's arrival time if it has none), never later than its reading
 * @param sender the From address and its display name
 * @param referencedMessageIds the In-Reply-To and References headers' Message-IDs
 * @param automatic a bounce, an out-of-office reply or another machine's mail (RFC 3834), which is not answered
 */
record IncomingMail(String key, Instant sentAt, Contact sender, String subject, String text,
    List<Attachment> attachments, List<String> referencedMessageIds, boolean automatic) {

  /** An attachment, listed in the complaint's text by its name and size; its content is not kept. */
  record Attachment(String name, long size) {

    String describe() {
      return name + " (" + readableSize(size) + ")";
    }

    private static String readableSize(long bytes) {
      if (bytes < 1024) {
        return bytes + " bytes";
      }
      if (bytes < 1024 * 1024) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
      }
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
  }

  /** Ids, not the sender, subject or text: a mail in a log line must not put them there. */
  @Override
  public String toString() {
    return "IncomingMail[sentAt=" + sentAt + ", attachments=" + attachments.size() + ", automatic=" + automatic + "]";
  }
}
