package com.complaintdesk.intake.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the unread mail of the mailbox over IMAP every {@code poll-interval} and takes each mail in
 * ({@link MailboxIntake}), in a transaction of its own; a mail is marked read only after its transaction committed.
 * Active only when {@code complaint-desk.channels.mailbox.host} is set.
 *
 * <p>The read flag only saves work: whether a mail was taken in is decided by the {@code mailbox_message} table.
 * Several nodes may poll the same mailbox; a mail both see is taken in by one, and the other finds its row. A mail
 * that fails stays unread and is tried again at the next poll. Mark nothing read by hand in this folder: a mail a
 * person has opened there is not taken in.
 */
@Component
// like SmtpMailSender: an empty COMPLAINT_DESK_CHANNELS_MAILBOX_HOST means no mailbox
@ConditionalOnExpression("!'${complaint-desk.channels.mailbox.host:}'.isBlank()")
public class MailboxPoller {

  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

  private final MailboxProperties properties;
  private final MailboxIntake intake;
  private final Session session;

  MailboxPoller(MailboxProperties properties, MailboxIntake intake) {
    this.properties = properties;
    this.intake = intake;
    this.session = Session.getInstance(sessionProperties(properties));
  }

  private static Properties sessionProperties(MailboxProperties properties) {
    var settings = new Properties();
    String protocol = properties.protocol();
    String timeout = String.valueOf(properties.timeout().toMillis());
    settings.put("mail.store.protocol", protocol);
    settings.put("mail." + protocol + ".connectiontimeout", timeout);
    settings.put("mail." + protocol + ".timeout", timeout);
    settings.put("mail." + protocol + ".writetimeout", timeout);
    // Reading a mail must not mark it read on the server: a mail whose intake fails has to stay unread for the next
    // poll. It is marked read only after its complaint committed.
    settings.put("mail." + protocol + ".peek", "true");
    return settings;
  }

  /** One read of the mailbox; the scheduler calls it every poll-interval, starting one interval after start-up. */
  @Scheduled(fixedDelayString = "${complaint-desk.channels.mailbox.poll-interval:PT30S}",
      initialDelayString = "${complaint-desk.channels.mailbox.poll-interval:PT30S}")
  public void poll() {
    try (Store store = session.getStore(properties.protocol())) {
      store.connect(properties.host(), properties.port(), properties.username(), properties.password());
      Folder folder = store.getFolder(properties.folder());
      folder.open(Folder.READ_WRITE);
      try {
        Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        Arrays.stream(unread).limit(properties.batchSize()).forEach(this::takeIn);
      } finally {
        folder.close(false);
      }
    } catch (MessagingException e) {
      // the server's answer may quote the login, not a complainant's data; the cause says what to fix
      log.warn("Could not read the mailbox {} on {}: {}; trying again in {}", properties.folder(), properties.host(),
          e, properties.pollInterval());
    }
  }

  private void takeIn(Message message) {
    int number = message.getMessageNumber();
    try {
      var mail = (MimeMessage) message;
      String key = MailReader.keyOf(mail);
      if (!intake.alreadyTaken(key)) {
        var taken = intake.take(MailReader.read(mail, now()), properties.locale());
        log.info("Mail number {} of the mailbox taken in: {} {}", number, taken.outcome(),
            taken.trackingNumber() == null ? "" : taken.trackingNumber());
      }
      markRead(message);
    } catch (DuplicateKeyException e) {
      markRead(message); // taken in meanwhile by another node
    } catch (ConcurrencyFailureException e) {
      // Another node is taking it in right now (its row is locked); the next poll finds it done or tries again.
      log.debug("Mail number {} of the mailbox is being taken in elsewhere", number);
    } catch (MessagingException | IOException | RuntimeException e) {
      // Only the exception's type: the message of a database or MIME error may quote the mail's address or text.
      log.warn("Mail number {} of the mailbox could not be taken in ({}); it stays unread and is tried again at the"
          + " next poll", number, causes(e));
    }
  }

  private static void markRead(Message message) {
    try {
      message.setFlag(Flags.Flag.SEEN, true);
    } catch (MessagingException e) {
      log.debug("Mail number {} could not be marked read ({}); the next poll skips it by its Message-ID",
          message.getMessageNumber(), causes(e));
    }
  }

  private static String causes(Throwable e) {
    var names = new StringBuilder(e.getClass().getName());
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      names.append(" caused by ").append(cause.getClass().getName());
    }
    return names.toString();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
