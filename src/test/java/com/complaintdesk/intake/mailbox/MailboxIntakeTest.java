package com.complaintdesk.intake.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.LogCapture;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Contact;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEvent;
import com.complaintdesk.complaint.ComplaintVariables;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.notification.NotificationDispatcher;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Mail to the complaints mailbox, sent over SMTP to a real mail server in the test JVM (GreenMail) and read by the
 * poller over IMAP: what becomes of it, exactly once. The test calls the poller itself (its schedule waits an hour
 * here). Its own context, because the mailbox host switches the poller on; its own engine name, because the engine
 * REST API finds engines by name in a static registry.
 */
@ComplaintDeskTest
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=mailboxIntakeTest",
    "complaint-desk.channels.mailbox.host=127.0.0.1", "complaint-desk.channels.mailbox.protocol=imap",
    "complaint-desk.channels.mailbox.username=" + MailboxIntakeTest.LOGIN,
    "complaint-desk.channels.mailbox.password=" + MailboxIntakeTest.PASSWORD,
    "complaint-desk.channels.mailbox.poll-interval=PT1H"})
class MailboxIntakeTest {

  static final String MAILBOX = "complaints@complaint-desk.test";
  static final String LOGIN = "complaints";
  static final String PASSWORD = "mailbox-secret";
  static final int SMTP_PORT = freePort();
  static final int IMAP_PORT = freePort();

  @RegisterExtension
  static final GreenMailExtension mailServer = new GreenMailExtension(new ServerSetup[] {
      new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"), new ServerSetup(IMAP_PORT, "127.0.0.1", "imap")})
      .withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
          .withUser(MAILBOX, LOGIN, PASSWORD))
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mailbox(DynamicPropertyRegistry registry) {
    registry.add("complaint-desk.channels.mailbox.port", () -> IMAP_PORT);
  }

  @Autowired MailboxPoller poller;
  @Autowired MailboxProperties properties;
  @Autowired MailboxIntake intake;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired ProcessDriver driver;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  final Session smtp = Session.getInstance(smtpSettings());
  /** A sender of its own per test, so that the tests' complaints never mix. */
  String sender;

  @BeforeEach
  void emptyMailbox() throws Exception {
    mailServer.purgeEmailFromAllMailboxes();
    sender = "wang.fang." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  @Test
  void aMailBecomesAnEmailComplaintReceivedAtItsDateFromItsSenderWithSubjectAndTextWaitingToBeLogged()
      throws Exception {
    Instant sent = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    MimeMessage mail = mail("Wang Fang", "My refund never arrived", sent);
    mail.setText("I returned the shoes on 3 May.\nThe refund is still missing.", "UTF-8");
    send(mail);

    try (var log = new LogCapture(Map.of("com.complaintdesk", Level.DEBUG))) {
      poller.poll();
      assertThat(log.linesContainingAny(sender, "Wang Fang", "refund", "shoes", PASSWORD))
          .as("log lines with the sender, the mail's text or the mailbox password").isEmpty();
    }

    Complaint complaint = complaintOf(mail);
    assertThat(complaint.channel()).isEqualTo(Channel.EMAIL);
    assertThat(complaint.receivedAt()).as("the mail's Date header").isEqualTo(sent);
    assertThat(complaint.contact()).isEqualTo(new Contact("Wang Fang", sender, null));
    assertThat(complaint.rawText()).isEqualTo(
        "Subject: My refund never arrived\n\nI returned the shoes on 3 May.\nThe refund is still missing.");
    assertThat(complaint.loggingDueAt()).as("24 hours from the mail's date").isEqualTo(sent.plus(Duration.ofHours(24)));
    driver.executeDueJobs(complaint);
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("LogComplaint");
    assertThat(jdbc.sql("select recipient from notification where complaint_id = :id and template = 'ACKNOWLEDGEMENT'")
        .param("id", complaint.id()).query(String.class).single()).as("acknowledged to the sender").isEqualTo(sender);
    assertThat(unreadInMailbox()).as("marked read once taken in").isZero();
  }

  @Test
  void aMailReadAgainByANewPollerAfterItsReadFlagWasLostAndTheSameMailDeliveredTwiceMakeOneComplaint()
      throws Exception {
    MimeMessage mail = mail("Wang Fang", "Wrong price charged", Instant.now());
    mail.setText("I was charged twice.", "UTF-8");
    send(mail);
    poller.poll();
    assertThat(complaintsFrom(sender)).hasSize(1);

    markAllUnread(); // as after a crash between the commit and marking the mail read
    new MailboxPoller(properties, intake).poll(); // as another node, or this one after a restart: no memory but the table
    var again = mail("Wang Fang", "Wrong price charged", Instant.now());
    again.setText("I was charged twice.", "UTF-8");
    again.setHeader("Message-ID", mail.getMessageID()); // delivered twice, e.g. to two of our addresses
    send(again);
    poller.poll();

    assertThat(complaintsFrom(sender)).hasSize(1);
    assertThat(unreadInMailbox()).isZero();
  }

  @Test
  void aMailWithoutMessageIdDeliveredTwiceMakesOneComplaint() throws Exception {
    Instant sent = Instant.now().minus(Duration.ofMinutes(5));
    for (int delivery = 1; delivery <= 2; delivery++) {
      MimeMessage mail = mailWithoutMessageId("Parcel lost", sent);
      mail.setText("My parcel never arrived.", "UTF-8");
      send(mail);
      poller.poll();
    }

    assertThat(complaintsFrom(sender)).hasSize(1);
    assertThat(unreadInMailbox()).isZero();
  }

  @Test
  void twoPollersReadingTheMailboxAtOnceMakeOneComplaintPerMail() throws Exception {
    for (int i = 1; i <= 3; i++) {
      MimeMessage mail = mail("Wang Fang", "Problem " + i, Instant.now());
      mail.setText("Text of problem " + i, "UTF-8");
      send(mail);
    }
    var nodes = List.of(poller, new MailboxPoller(properties, intake));
    var bothReady = new CyclicBarrier(nodes.size());
    var executor = Executors.newFixedThreadPool(nodes.size());
    try {
      List<Future<?>> polls = nodes.stream().map(node -> executor.submit(() -> {
        bothReady.await();
        node.poll();
        return null;
      })).collect(java.util.stream.Collectors.toList());
      for (Future<?> poll : polls) {
        poll.get(60, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
    poller.poll(); // whatever a node left unread because the other was busy with it

    assertThat(complaintsFrom(sender)).extracting(Complaint::rawText).containsExactlyInAnyOrder(
        "Subject: Problem 1\n\nText of problem 1", "Subject: Problem 2\n\nText of problem 2",
        "Subject: Problem 3\n\nText of problem 3");
    assertThat(unreadInMailbox()).isZero();
  }

  @Test
  void aReplyWithTheTrackingNumberInTheSubjectJoinsThatComplaintsTimelineAndMakesNoComplaint() throws Exception {
    Complaint complaint = complaintFromMail("The app logs me out");

    MimeMessage reply = mail("Wang Fang", "Re: Your complaint " + complaint.trackingNumber() + " was received",
        Instant.now());
    reply.setText("""
        It happens again since this morning.

        On Mon, 5 May 2026 at 10:00, Complaint desk wrote:
        > Your complaint was received. Follow it here:
        > http://localhost:8080/complaints/%s?token=%s
        """.formatted(complaint.trackingNumber(), complaint.accessToken()), "UTF-8");
    send(reply);
    poller.poll();

    assertThat(complaintsFrom(sender)).as("no new complaint").hasSize(1);
    TimelineEvent replied = lastEventOf(complaint);
    assertThat(replied.type()).isEqualTo(TimelineEventType.USER_REPLIED);
    assertThat(replied.detail()).as("what they wrote, without our quoted mail and its token")
        .isEqualTo("It happens again since this morning.");
    assertThat(TimelineEventType.USER_REPLIED.isPublic()).as("their own words, on their own status page").isTrue();
    assertThat(driver.reload(complaint).status()).as("a reply moves no status").isEqualTo(complaint.status());
    assertThat(outcomeOf(reply)).isEqualTo("REPLY");
    // not yet logged, so the intake agents are the ones to hear of it
    assertThat(jdbc.sql("select recipient from notification where complaint_id = :id and template = 'USER_REPLIED'")
        .param("id", complaint.id()).query(String.class).list()).containsExactly("intake");
  }

  @Test
  void aReplyWhileTheHandlersQuestionIsOpenIsAlsoTheAnswer() throws Exception {
    Complaint logged = complaintFromMail("The app crashes");
    driver.executeDueJobs(logged);
    driver.complete(logged, "LogComplaint", "agent", Map.of("subject", "The app crashes",
        "description", "It crashes when I upload a photo", "declaredType", "FUNCTIONAL", "affectedUsers", "MANY"));
    Complaint complaint = driver.askUser(logged, "Which phone model?");

    MimeMessage reply = mail("Wang Fang", "Re: A question about your complaint " + complaint.trackingNumber(),
        Instant.now());
    reply.setText("""
        A Pixel 8.

        On Mon, 5 May 2026 at 10:00, Complaint desk wrote:
        > Which phone model?
        """, "UTF-8");
    send(reply);
    poller.poll();

    assertThat(driver.timelineOf(complaint)).containsSubsequence(TimelineEventType.USER_REPLIED,
        TimelineEventType.QUESTION_ANSWERED);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(complaint.processInstanceId()).variableName(ComplaintVariables.ANSWER).singleResult()
        .getValue()).isEqualTo("A Pixel 8.");
    driver.executeDueJobs(complaint);
    assertThat(driver.task(complaint, "ProposePlan")).as("back with the handler").isNotNull();
  }

  @Test
  void aReplyToOurAcknowledgementByInReplyToJoinsItsComplaintWithoutATrackingNumberInTheSubject() throws Exception {
    Complaint complaint = complaintFromMail("Cannot upload photos");
    dispatcher.dispatchPending(); // the acknowledgement gets its Message-ID when it is sent
    String acknowledgementId = jdbc.sql("select message_id from notification where complaint_id = :id "
        + "and template = 'ACKNOWLEDGEMENT'").param("id", complaint.id()).query(String.class).single();
    assertThat(acknowledgementId).startsWith("<notification-");

    MimeMessage reply = mail("Wang Fang", "Re: thanks", Instant.now());
    reply.setHeader("In-Reply-To", acknowledgementId);
    reply.setHeader("References", acknowledgementId);
    MimeMultipart mixed = new MimeMultipart();
    mixed.addBodyPart(textPart("Here is a screenshot."));
    mixed.addBodyPart(attachment("screen.png", "image/png", new byte[3 * 1024]));
    reply.setContent(mixed);
    send(reply);
    poller.poll();

    assertThat(complaintsFrom(sender)).hasSize(1);
    assertThat(lastEventOf(complaint).type()).isEqualTo(TimelineEventType.USER_REPLIED);
    assertThat(lastEventOf(complaint).detail())
        .isEqualTo("Here is a screenshot.\n\nAttachments (not stored): screen.png (3.0 KB)");
  }

  @Test
  void aMailNamingSomeoneElsesTrackingNumberBecomesAComplaintOfItsOwn() throws Exception {
    Complaint complaint = complaintFromMail("My account was hacked");
    var eventsBefore = timeline.of(complaint.id()).size();
    String stranger = "someone.else." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

    MimeMessage mail = mail("Someone Else", "About " + complaint.trackingNumber(), Instant.now());
    mail.setFrom(new InternetAddress(stranger, "Someone Else"));
    mail.setText("Please tell me what happened to this complaint.", "UTF-8");
    send(mail);
    poller.poll();

    assertThat(timeline.of(complaint.id())).as("nothing added to somebody else's complaint").hasSize(eventsBefore);
    assertThat(complaintsFrom(stranger)).hasSize(1);
    assertThat(outcomeOf(mail)).isEqualTo("NEW_COMPLAINT");
  }

  @Test
  void anHtmlMailIsStoredAsPlainTextWithoutTagsOrScripts() throws Exception {
    MimeMessage mail = mail("Wang Fang", "Broken page", Instant.now());
    mail.setContent("""
        <html><head><title>Mail</title><style>p { color: red; }</style></head>
        <body><p>Hello,</p><p>the <b>checkout</b> page<br>shows an error &amp; hangs.</p>
        <script>alert('stolen cookies')</script><div>Regards</div></body></html>
        """, "text/html; charset=UTF-8");
    send(mail);
    poller.poll();

    String rawText = complaintOf(mail).rawText();
    assertThat(rawText).isEqualTo("Subject: Broken page\n\nHello,\nthe checkout page\nshows an error & hangs.\nRegards");
    assertThat(rawText).doesNotContain("<", "alert", "stolen", "color");
  }

  @Test
  void attachmentsAreListedByNameAndSizeInTheTextAndNotStored() throws Exception {
    MimeMessage mail = mail("Wang Fang", "Invoice is wrong", Instant.now());
    MimeMultipart mixed = new MimeMultipart();
    mixed.addBodyPart(textPart("The invoice charges me twice, see attached."));
    mixed.addBodyPart(attachment("invoice.pdf", "application/pdf", new byte[2 * 1024 * 1024 + 300 * 1024]));
    mixed.addBodyPart(attachment("notes.txt", "text/plain", "ATTACHED-NOTES-CONTENT".getBytes(StandardCharsets.UTF_8)));
    mail.setContent(mixed);
    send(mail);
    poller.poll();

    Complaint complaint = complaintOf(mail);
    assertThat(complaint.rawText()).isEqualTo("""
        Subject: Invoice is wrong

        The invoice charges me twice, see attached.

        Attachments (not stored):
        - invoice.pdf (2.3 MB)
        - notes.txt (22 bytes)""");
    driver.executeDueJobs(complaint);
    assertThat(BpmnAwareTests.runtimeService().getVariables(complaint.processInstanceId()).values())
        .as("no attachment in the engine").noneMatch(value -> value instanceof byte[]
            || String.valueOf(value).contains("ATTACHED-NOTES-CONTENT"));
  }

  @Test
  void anAutomaticReplyIsNotTakenInSoThatNoAcknowledgementAnswersIt() throws Exception {
    MimeMessage mail = mail("Wang Fang", "Out of office", Instant.now());
    mail.setHeader("Auto-Submitted", "auto-replied");
    mail.setText("I am away until Monday.", "UTF-8");
    send(mail);
    poller.poll();

    assertThat(complaintsFrom(sender)).isEmpty();
    assertThat(outcomeOf(mail)).isEqualTo("AUTOMATIC");
    assertThat(unreadInMailbox()).isZero();
  }

  private Complaint complaintFromMail(String subject) throws Exception {
    MimeMessage mail = mail("Wang Fang", subject, Instant.now());
    mail.setText("Please help.", "UTF-8");
    send(mail);
    poller.poll();
    return complaintOf(mail);
  }

  /** A mail to the complaints mailbox from this test's sender; it keeps a Message-ID set on it. */
  private MimeMessage mail(String name, String subject, Instant date) throws Exception {
    var mail = new MimeMessage(smtp) {
      @Override
      protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) {
          super.updateMessageID();
        }
      }
    };
    mail.setFrom(new InternetAddress(sender, name));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
    mail.setSubject(subject, "UTF-8");
    mail.setSentDate(Date.from(date));
    return mail;
  }

  /** Some mail programs send none; the mail server in the test adds none either. */
  private MimeMessage mailWithoutMessageId(String subject, Instant date) throws Exception {
    var mail = new MimeMessage(smtp) {
      @Override
      protected void updateMessageID() throws MessagingException {
        removeHeader("Message-ID");
      }
    };
    mail.setFrom(new InternetAddress(sender, "Wang Fang"));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
    mail.setSubject(subject, "UTF-8");
    mail.setSentDate(Date.from(date));
    return mail;
  }

  private static MimeBodyPart textPart(String text) throws MessagingException {
    var part = new MimeBodyPart();
    part.setText(text, "UTF-8");
    return part;
  }

  private static MimeBodyPart attachment(String fileName, String type, byte[] content) throws MessagingException {
    var part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
    part.setFileName(fileName);
    part.setDisposition(MimeBodyPart.ATTACHMENT);
    return part;
  }

  private static void send(MimeMessage mail) throws MessagingException {
    Transport.send(mail);
  }

  private Complaint complaintOf(MimeMessage mail) throws MessagingException {
    long id = jdbc.sql("select complaint_id from mailbox_message where message_id = :key")
        .param("key", mail.getMessageID()).query(Long.class).single();
    return complaints.findById(id).orElseThrow();
  }

  private String outcomeOf(MimeMessage mail) throws MessagingException {
    return jdbc.sql("select outcome from mailbox_message where message_id = :key")
        .param("key", mail.getMessageID()).query(String.class).single();
  }

  private List<Complaint> complaintsFrom(String address) {
    return jdbc.sql("select tracking_number from complaint where contact_email = :email")
        .param("email", address).query(String.class).list().stream().map(complaints::get).toList();
  }

  private TimelineEvent lastEventOf(Complaint complaint) {
    List<TimelineEvent> events = timeline.of(complaint.id());
    return events.get(events.size() - 1);
  }

  private int unreadInMailbox() throws MessagingException {
    try (var store = imap()) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        return inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
      } finally {
        inbox.close(false);
      }
    }
  }

  private void markAllUnread() throws MessagingException {
    try (var store = imap()) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      try {
        inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), false);
      } finally {
        inbox.close(false);
      }
    }
    assertThat(unreadInMailbox()).isPositive();
  }

  private static jakarta.mail.Store imap() throws MessagingException {
    var store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", IMAP_PORT, LOGIN, PASSWORD);
    return store;
  }

  private static Properties smtpSettings() {
    var settings = new Properties();
    settings.put("mail.smtp.host", "127.0.0.1");
    settings.put("mail.smtp.port", String.valueOf(SMTP_PORT));
    return settings;
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
