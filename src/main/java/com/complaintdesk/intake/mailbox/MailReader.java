package com.complaintdesk.intake.mailbox;

import com.complaintdesk.complaint.Contact;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a MIME mail into an {@link IncomingMail}: sender, date, plain text, attachments by name and size. */
final class MailReader {

  /** Longer Message-IDs are kept as their hash, so that the key fits its column. */
  static final int MAX_KEY_LENGTH = 200;
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

  private MailReader() {
  }

  /**
   * The mail's identity across nodes and restarts: its Message-ID; for a mail without one, a hash of its Date, From
   * and Subject headers (the same mail delivered twice is one), and, only when it has no Date either, of the
   * server's arrival time, which every node reads the same (so that such mails do not all count as one).
   */
  static String keyOf(MimeMessage mail) throws MessagingException {
    String messageId = mail.getMessageID();
    if (messageId != null && !messageId.isBlank()) {
      messageId = messageId.trim();
      return messageId.length() <= MAX_KEY_LENGTH ? messageId : "sha256:" + sha256(messageId);
    }
    String date = mail.getHeader("Date", null);
    if (date == null) {
      Date arrived = mail.getReceivedDate();
      date = "arrived " + (arrived == null ? null : arrived.getTime());
    }
    return "sha256:" + sha256(String.join("|", date, String.valueOf(mail.getHeader("From", null)),
        String.valueOf(mail.getHeader("Subject", null))));
  }

  static IncomingMail read(MimeMessage mail, Instant now) throws MessagingException, IOException {
    var text = new StringBuilder();
    var attachments = new ArrayList<IncomingMail.Attachment>();
    collect(mail, text, attachments);
    return new IncomingMail(keyOf(mail), sentAt(mail, now), sender(mail), subject(mail), tidy(text.toString()),
        List.copyOf(attachments), referencedMessageIds(mail), isAutomatic(mail));
  }

  /**
   * The Date header, else the server's arrival time, else now; never in the future, so that a sender's wrong
   * clock cannot push the logging deadline out.
   */
  private static Instant sentAt(MimeMessage mail, Instant now) throws MessagingException {
    Date date = mail.getSentDate() != null ? mail.getSentDate() : mail.getReceivedDate();
    if (date == null || date.toInstant().isAfter(now)) {
      return now;
    }
    return date.toInstant();
  }

  private static Contact sender(MimeMessage mail) throws MessagingException {
    Address[] from = mail.getFrom();
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
        || address.getAddress() == null || address.getAddress().isBlank()) {
      return Contact.NONE;
    }
    String name = address.getPersonal();
    return new Contact(name == null || name.isBlank() ? null : cut(name.strip(), 200),
        cut(address.getAddress().strip(), 320), null);
  }

  private static String subject(MimeMessage mail) throws MessagingException {
    String subject = mail.getSubject();
    return subject == null ? "" : subject.strip();
  }

  private static List<String> referencedMessageIds(MimeMessage mail) throws MessagingException {
    var ids = new ArrayList<String>();
    for (String header : List.of("In-Reply-To", "References")) {
      String value = mail.getHeader(header, " ");
      if (value != null) {
        Matcher matcher = MESSAGE_ID.matcher(value);
        while (matcher.find()) {
          ids.add(matcher.group());
        }
      }
    }
    return List.copyOf(ids);
  }

  /** RFC 3834: anything but "Auto-Submitted: no" is a machine's mail; delivery reports are, too. */
  private static boolean isAutomatic(MimeMessage mail) throws MessagingException {
    String autoSubmitted = mail.getHeader("Auto-Submitted", null);
    if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      return true;
    }
    return mail.isMimeType("multipart/report");
  }

  private static void collect(Part part, StringBuilder text, List<IncomingMail.Attachment> attachments)
      throws MessagingException, IOException {
    if (isAttachment(part)) {
      attachments.add(new IncomingMail.Attachment(name(part), decodedSize(part)));
    } else if (part.isMimeType("multipart/alternative")) {
      collect(preferredAlternative((Multipart) part.getContent()), text, attachments);
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), text, attachments);
      }
    } else if (part.isMimeType("text/plain")) {
      append(text, textOf(part));
    } else if (part.isMimeType("text/html")) {
      append(text, HtmlText.of(textOf(part)));
    } else {
      attachments.add(new IncomingMail.Attachment(name(part), decodedSize(part)));
    }
  }

  /** Plain text where the sender's program wrote it, else the richest alternative (the last, by RFC 2046). */
  private static Part preferredAlternative(Multipart alternatives) throws MessagingException {
    for (int i = 0; i < alternatives.getCount(); i++) {
      BodyPart candidate = alternatives.getBodyPart(i);
      if (candidate.isMimeType("text/plain")) {
        return candidate;
      }
    }
    return alternatives.getBodyPart(alternatives.getCount() - 1);
  }

  private static boolean isAttachment(Part part) throws MessagingException {
    return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
  }

  private static String name(Part part) throws MessagingException {
    String fileName = part.getFileName();
    if (fileName != null && !fileName.isBlank()) {
      try {
        return cut(MimeUtility.decodeText(fileName).strip(), 200);
      } catch (UnsupportedEncodingException e) {
        return cut(fileName.strip(), 200);
      }
    }
    return "unnamed " + new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
  }

  /** What the attachment would take on disk, read through and dropped: its content is never kept. */
  private static long decodedSize(Part part) throws MessagingException, IOException {
    try (InputStream content = part.getInputStream()) {
      return content.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static String textOf(Part part) throws MessagingException, IOException {
    try {
      Object content = part.getContent();
      if (content instanceof String string) {
        return string;
      }
    } catch (UnsupportedEncodingException e) {
      // an unknown charset: read it as UTF-8 below, a wrong character is better than a lost complaint
    }
    try (InputStream raw = part.getInputStream()) {
      return new String(raw.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void append(StringBuilder text, String more) {
    if (more.isBlank()) {
      return;
    }
    if (!text.isEmpty()) {
      text.append("\n\n");
    }
    text.append(more.strip());
  }

  /** Line ends as \n, no trailing spaces, at most one empty line in a row. */
  static String tidy(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n')
        .replaceAll("[ \\t\\u00a0]+\\n", "\n")
        .replaceAll("\\n[ \\t\\u00a0]+", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }

  static String cut(String text, int maxLength) {
    return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
