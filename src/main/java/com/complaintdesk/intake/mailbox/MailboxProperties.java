package com.complaintdesk.intake.mailbox;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailbox that complaints are read from ({@code complaint-desk.channels.mailbox.*}, documented in
 * application.yaml). Without a host the mailbox is not read at all.
 *
 * @param host the IMAP server; blank turns mailbox intake off
 * @param protocol {@code imaps} (TLS) or {@code imap}
 * @param port the server's port; -1 for the protocol's default (993 for imaps, 143 for imap)
 * @param username the mailbox's login
 * @param password its password
 * @param folder the folder whose unread mail is taken in
 * @param pollInterval pause between two reads of the mailbox
 * @param batchSize mails taken in per read at most; the rest wait for the next one
 * @param locale the language of the acknowledgement when a mail's text is not in Chinese ({@code en} or {@code zh-CN})
 * @param timeout how long connecting to and reading from the server may take before the read counts as failed
 */
@ConfigurationProperties("complaint-desk.channels.mailbox")
public record MailboxProperties(
    String host,
    @DefaultValue("imaps") String protocol,
    @DefaultValue("-1") int port,
    String username,
    String password,
    @DefaultValue("INBOX") String folder,
    @DefaultValue("PT30S") Duration pollInterval,
    @DefaultValue("50") int batchSize,
    @DefaultValue("en") String locale,
    @DefaultValue("PT30S") Duration timeout) {

  private static final Set<String> PROTOCOLS = Set.of("imap", "imaps");
  private static final Set<String> LOCALES = Set.of("en", "zh-CN");

  public MailboxProperties {
    if (!PROTOCOLS.contains(protocol)) {
      throw new IllegalArgumentException("complaint-desk.channels.mailbox.protocol must be imaps or imap, not " + protocol);
    }
    if (!LOCALES.contains(locale)) {
      throw new IllegalArgumentException("complaint-desk.channels.mailbox.locale must be en or zh-CN, not " + locale);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("complaint-desk.channels.mailbox.batch-size must be 1 or more, not " + batchSize);
    }
  }

  /** Without the password, so that the settings may be logged. */
  @Override
  public String toString() {
    return "MailboxProperties[host=" + host + ", protocol=" + protocol + ", port=" + port + ", folder=" + folder
        + ", pollInterval=" + pollInterval + ", batchSize=" + batchSize + ", locale=" + locale + "]";
  }
}
