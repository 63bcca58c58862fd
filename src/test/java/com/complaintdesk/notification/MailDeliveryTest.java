package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.feedback.ComplainantActions;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Delivery over SMTP to a real mail server in the test JVM (GreenMail): what arrives, in which order, and what
 * happens when the server is down or the dispatcher crashes between sending and recording it. Its own context,
 * because {@code spring.mail.host} switches the SMTP sender on; its own engine name, because the engine REST API
 * finds engines by name in a static registry.
 */
@ComplaintDeskTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "camunda.bpm.process-engine-name=mailDeliveryTest",
    "complaint-desk.notifications.from=" + MailDeliveryTest.FROM})
class MailDeliveryTest {

  static final String FROM = "desk@complaint-desk.test";
  static final String COMPLAINANT = ProcessDriver.CONTACT.email();
  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired ProcessDriver driver;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired NotificationSender sender;
  @Autowired NotificationMessages messages;
  @Autowired ComplainantActions complainant;
  @Autowired ComplaintRepository complaints;
  @Autowired FailedNotifications failedNotifications;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void emptyMailboxesAndFixTheClock() throws Exception {
    ClockUtil.setCurrentTime(ClockUtil.getCurrentTime());
    dispatcher.dispatchPending(); // what earlier tests left
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void mailServerUp() {
    if (!smtp.isRunning()) {
      smtp.start();
    }
  }

  @Test
  void theAcknowledgementArrivesAtTheComplainantsAddressAsTextAndHtmlWithItsTrackingNumberAndStatusLink()
      throws Exception {
    assertThat(sender).isInstanceOf(SmtpMailSender.class);
    var complaint = driver.submitAppCrash();

    dispatcher.dispatchPending();

    List<MimeMessage> received = receivedBy(COMPLAINANT);
    assertThat(received).hasSize(1);
    MimeMessage mail = received.get(0);
    Notification acknowledgement = notification(mail);
    assertThat(acknowledgement.template()).isEqualTo(NotificationTemplate.ACKNOWLEDGEMENT);
    assertThat(acknowledgement.complaintId()).isEqualTo(complaint.id());
    var rendered = messages.render(acknowledgement);
    assertThat(mail.getSubject()).isEqualTo(rendered.subject());
    assertThat(addresses(mail.getAllRecipients())).containsExactly(COMPLAINANT);
    assertThat(addresses(mail.getFrom())).containsExactly(FROM);
    assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(mail.getMessageID()).matches("<notification-" + acknowledgement.id() + "\\.\\d+@complaint-desk>");
    String text = part(mail, "text/plain");
    String html = part(mail, "text/html");
    assertThat(text).contains(complaint.trackingNumber(), "/complaints/" + complaint.trackingNumber());
    assertThat(html).contains(complaint.trackingNumber(), "/complaints/" + complaint.trackingNumber());
    assertThat(state(acknowledgement.id())).isEqualTo("SENT");
  }

  @Test
  void aWholeLifecycleSendsExactlyTheExpectedMailsInOrderToTheRightPeople() throws Exception {
    var complaint = driver.submitAppCrash();
    dispatcher.dispatchPending();
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    dispatcher.dispatchPending();
    driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("plan", "Fix the upload"));
    dispatcher.dispatchPending();
    driver.complete(complaint, "ImplementPlan", "handler-tech", Map.of("progressNote", "A fix is on its way",
        "done", true));
    dispatcher.dispatchPending();
    driver.complete(complaint, "ConfirmResult", "handler-tech",
        Map.of("measures", "Fixed the upload", "effect", "Photos upload again", "goalMet", true));
    dispatcher.dispatchPending();
    complainant.answerSurvey(complaints.get(complaint.trackingNumber()), 5, "Thanks");
    driver.executeDueJobs(complaint);
    dispatcher.dispatchPending();

    assertThat(templatesOf(receivedBy(COMPLAINANT))).containsExactly(NotificationTemplate.ACKNOWLEDGEMENT,
        NotificationTemplate.PROGRESS_NOTE, NotificationTemplate.RESULT_WITH_SURVEY, NotificationTemplate.CLOSED);
    assertThat(receivedBy(COMPLAINANT)).allSatisfy(mail -> {
      assertThat(addresses(mail.getAllRecipients())).containsExactly(COMPLAINANT);
      assertThat(part(mail, "text/plain")).contains(complaint.trackingNumber());
    });
    assertThat(jdbc.sql("select count(*) from notification where complaint_id = :id and state <> 'SENT'")
        .param("id", complaint.id()).query(Long.class).single()).as("nothing left undelivered").isZero();
    assertThat(staffMailOf(complaint)).as("staff mail, to each member's address, from the identity service")
        .contains(new StaffMail(NotificationTemplate.CLASSIFIED_FOR_INFORMATION, "handler-product@complaint-desk.test"))
        .containsExactlyElementsOf(expectedStaffMail(complaint));
  }

  @Test
  void whileTheMailServerIsDownDeliveryIsRetriedWithAGrowingWaitTheProcessGoesOnAndTheMailArrivesOnceItIsBack()
      throws Exception {
    smtp.stop();
    var complaint = driver.submitAppCrash();
    long acknowledgement = acknowledgementOf(complaint);

    dispatcher.dispatchPending();

    assertThat(state(acknowledgement)).isEqualTo("PENDING");
    assertThat(attempts(acknowledgement)).isEqualTo(1);
    assertThat(lastError(acknowledgement)).startsWith("MailSendException");
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("AssignHandler");
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    BpmnAwareTests.assertThat(driver.processOf(complaint)).as("not held up by the mail server").isWaitingAt("ProposePlan");

    moveClock(Duration.ofMinutes(4));
    dispatcher.dispatchPending();
    assertThat(attempts(acknowledgement)).as("the next attempt waits 5 minutes").isEqualTo(1);
    moveClock(Duration.ofMinutes(1));
    dispatcher.dispatchPending();
    assertThat(attempts(acknowledgement)).isEqualTo(2);

    smtp.start();
    moveClock(Duration.ofMinutes(9));
    dispatcher.dispatchPending();
    assertThat(receivedBy(COMPLAINANT)).as("the second wait is 10 minutes").isEmpty();
    moveClock(Duration.ofMinutes(1));
    dispatcher.dispatchPending();

    assertThat(receivedBy(COMPLAINANT)).hasSize(1);
    assertThat(notification(receivedBy(COMPLAINANT).get(0)).id()).isEqualTo(acknowledgement);
    assertThat(state(acknowledgement)).isEqualTo("SENT");
    assertThat(attempts(acknowledgement)).isEqualTo(3);
  }

  @Test
  void whenTheAttemptsRunOutTheMailFailsWithAnIncidentAndStaffRetryDeliversIt() throws Exception {
    smtp.stop();
    var complaint = driver.submitAppCrash();
    long acknowledgement = acknowledgementOf(complaint);
    for (int attempt = 1; attempt <= 5; attempt++) {
      dispatcher.dispatchPending();
      moveClock(Duration.ofHours(1));
    }
    assertThat(state(acknowledgement)).isEqualTo("FAILED");
    String incident = jdbc.sql("select incident_id from notification where id = :id").param("id", acknowledgement)
        .query(String.class).single();
    assertThat(driver.processOf(complaint)).isNotNull();
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("AssignHandler");

    smtp.start();
    failedNotifications.retry(acknowledgement);
    dispatcher.dispatchPending();

    assertThat(receivedBy(COMPLAINANT)).hasSize(1);
    assertThat(state(acknowledgement)).isEqualTo("SENT");
    assertThat(BpmnAwareTests.runtimeService().createIncidentQuery().incidentId(incident).count()).isZero();
  }

  @Test
  void aFailureAfterTheServerTookTheMailLeadsToAResendUnderTheSameMessageIdNeverToALoss() throws Exception {
    var complaint = driver.submitAppCrash();
    long acknowledgement = acknowledgementOf(complaint);
    var answerLost = dispatcher.withSender(delivery -> {
      sender.send(delivery);
      if (delivery.notification().id() == acknowledgement) {
        throw new IllegalStateException("connection lost before the server's answer arrived");
      }
    });

    answerLost.dispatchPending();
    assertThat(state(acknowledgement)).isEqualTo("PENDING");
    moveClock(Duration.ofMinutes(5));
    dispatcher.dispatchPending();

    assertThat(receivedBy(COMPLAINANT)).hasSize(2);
    assertThat(messageIds(receivedBy(COMPLAINANT))).as("the same message twice, recognisably").containsOnly(
        jdbc.sql("select message_id from notification where id = :id").param("id", acknowledgement)
            .query(String.class).single());
    assertThat(state(acknowledgement)).isEqualTo("SENT");
  }

  @Test
  void aCrashBetweenSendingAndRecordingItLeadsToAResendUnderTheSameMessageIdNeverToALoss() throws Exception {
    var complaint = driver.submitAppCrash();
    long acknowledgement = acknowledgementOf(complaint);
    var crashing = dispatcher.withSender(delivery -> {
      sender.send(delivery);
      if (delivery.notification().id() == acknowledgement) {
        throw new Crash();
      }
    });

    assertThatThrownBy(crashing::dispatchPending).isInstanceOf(Crash.class);
    assertThat(state(acknowledgement)).as("the transaction never committed").isEqualTo("PENDING");
    assertThat(attempts(acknowledgement)).isZero();
    dispatcher.dispatchPending();

    List<MimeMessage> received = receivedBy(COMPLAINANT);
    assertThat(received).hasSize(2);
    assertThat(messageIds(received)).hasSize(2).containsOnly(received.get(0).getMessageID())
        .allSatisfy(id -> assertThat(id).startsWith("<notification-" + acknowledgement + "."));
    assertThat(state(acknowledgement)).isEqualTo("SENT");
  }

  /** The JVM dying between the mail server's answer and the commit, as far as the transaction can tell. */
  static final class Crash extends Error {
  }

  private record StaffMail(NotificationTemplate template, String address) {
  }

  /** Each staff notification of the complaint, with each address its recipient resolved to. */
  private List<StaffMail> staffMailOf(Complaint complaint) throws Exception {
    List<StaffMail> mail = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      Notification notification = notification(message);
      if (notification.recipientKind() != RecipientKind.COMPLAINANT
          && Long.valueOf(complaint.id()).equals(notification.complaintId())) {
        addresses(message.getAllRecipients()).forEach(address -> mail.add(new StaffMail(notification.template(), address)));
      }
    }
    return mail.stream().distinct().sorted((a, b) -> (a.template() + a.address()).compareTo(b.template() + b.address()))
        .toList();
  }

  /** The staff rows of the complaint, resolved by the identity service's members of each group. */
  private List<StaffMail> expectedStaffMail(Complaint complaint) {
    var identity = BpmnAwareTests.processEngine().getIdentityService();
    return jdbc.sql("select template, recipient, recipient_kind from notification where complaint_id = :id "
            + "and recipient_kind <> 'COMPLAINANT'")
        .param("id", complaint.id())
        .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .list().stream()
        .flatMap(row -> (row[2].equals("STAFF_GROUP")
            ? identity.createUserQuery().memberOfGroup(row[1]).list()
            : identity.createUserQuery().userId(row[1]).list()).stream()
            .filter(user -> user.getEmail() != null)
            .map(user -> new StaffMail(NotificationTemplate.valueOf(row[0]), user.getEmail())))
        .distinct()
        .sorted((a, b) -> (a.template() + a.address()).compareTo(b.template() + b.address()))
        .toList();
  }

  private List<MimeMessage> receivedBy(String address) {
    return smtp.findReceivedMessages(user -> user.getEmail().equals(address), mail -> true).toList();
  }

  private Notification notification(MimeMessage mail) throws Exception {
    return jdbc.sql("select * from notification where message_id = :messageId")
        .param("messageId", mail.getMessageID())
        .query((rs, row) -> NotificationDispatcher.map(rs))
        .single();
  }

  private List<NotificationTemplate> templatesOf(List<MimeMessage> mails) throws Exception {
    List<NotificationTemplate> templates = new ArrayList<>();
    for (MimeMessage mail : mails) {
      templates.add(notification(mail).template());
    }
    return templates;
  }

  private static List<String> messageIds(List<MimeMessage> mails) throws Exception {
    List<String> ids = new ArrayList<>();
    for (MimeMessage mail : mails) {
      ids.add(mail.getMessageID());
    }
    return ids;
  }

  private static List<String> addresses(jakarta.mail.Address[] addresses) {
    return Arrays.stream(addresses).map(address -> ((InternetAddress) address).getAddress()).toList();
  }

  /** The first part of the given type, wherever it sits in the multipart tree. */
  private static String part(Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String found = part(child, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private long acknowledgementOf(Complaint complaint) {
    return jdbc.sql("select id from notification where complaint_id = :id and template = 'ACKNOWLEDGEMENT'")
        .param("id", complaint.id()).query(Long.class).single();
  }

  private String state(long id) {
    return jdbc.sql("select state from notification where id = :id").param("id", id).query(String.class).single();
  }

  private int attempts(long id) {
    return jdbc.sql("select attempts from notification where id = :id").param("id", id).query(Integer.class).single();
  }

  private String lastError(long id) {
    return jdbc.sql("select last_error from notification where id = :id").param("id", id).query(String.class).single();
  }

  private static void moveClock(Duration duration) {
    ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
