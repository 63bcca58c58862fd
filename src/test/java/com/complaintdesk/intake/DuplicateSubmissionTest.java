package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.HttpClient;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Contact;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.feedback.ComplainantActions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A repeated submission joins the contact's open complaint, and triage can undo that. Its own context, because
 * the shared one runs with linking off (its tests send the same texts from the same contact again and again);
 * its own engine name, because the engine REST API finds engines by name in a static registry. Each test writes
 * from an address of its own.
 */
@ComplaintDeskTest
@TestPropertySource(properties = {"complaint-desk.intake.duplicate-window=P7D",
    "complaint-desk.intake.duplicate-similarity=0.8", "camunda.bpm.process-engine-name=duplicateSubmissionTest"})
class DuplicateSubmissionTest {

  static final String SUBJECT = "The app crashes";
  static final String DESCRIPTION = "The app crashes every time I upload a photo from my gallery.";

  @LocalServerPort int port;
  @Autowired ComplaintIntake intake;
  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired ComplainantActions complainant;
  @Autowired JdbcClient jdbc;
  HttpClient http;
  Contact contact;

  @BeforeEach
  void newContact() {
    http = new HttpClient(port);
    contact = new Contact("Li Wei", "li.wei+" + UUID.randomUUID() + "@example.org", null);
  }

  @Test
  void sameContactWithNearlyTheSameTextIsLinkedToTheOpenComplaint() {
    var open = submit(contact, SUBJECT, DESCRIPTION);
    var sameAgainInCapitals = new Contact("Wei Li", contact.email().toUpperCase(), null);

    var repeat = submit(sameAgainInCapitals, "the app crashes!!", "The app crashes every time I upload a photo from my gallery");

    assertThat(repeat.trackingNumber()).isNotEqualTo(open.trackingNumber());
    assertThat(repeat.status()).isEqualTo(ComplaintStatus.DUPLICATE);
    assertThat(repeat.duplicateOf()).isEqualTo(open.trackingNumber());
    assertThat(repeat.processInstanceId()).as("no process of its own").isNull();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(repeat.trackingNumber()).count()).isZero();
    assertThat(openComplaintsOf(contact)).containsExactly(open.trackingNumber());
    BpmnAwareTests.assertThat(driver.processOf(open)).isNotEnded();

    assertThat(driver.timelineOf(open)).contains(TimelineEventType.SUBMISSION_LINKED);
    assertThat(detailOf(open, TimelineEventType.SUBMISSION_LINKED)).startsWith(repeat.trackingNumber() + " (text similarity");
    assertThat(driver.timelineOf(repeat))
        .containsExactly(TimelineEventType.RECEIVED, TimelineEventType.LINKED_TO_OPEN_COMPLAINT);
    assertThat(templatesSentAbout(repeat)).as("the user is told, once").containsExactly("LINKED_TO_OPEN_COMPLAINT");
    assertThat(payloadOf(repeat, "LINKED_TO_OPEN_COMPLAINT")).contains("\"openTrackingNumber\":\"" + open.trackingNumber() + "\"");
  }

  @Test
  void theLinkedSubmissionsStatusNamesTheOpenComplaintButNotItsToken() {
    var open = submit(contact, SUBJECT, DESCRIPTION);
    var submitted = http.post("/api/complaints", null, webRequest(contact.email(), SUBJECT, DESCRIPTION));
    assertThat(submitted.status()).isEqualTo(201);

    var status = http.get("/api/complaints/" + submitted.json("$.trackingNumber"), null,
        "X-Access-Token", submitted.json("$.accessToken"));

    assertThat(status.<String>json("$.status")).isEqualTo("DUPLICATE");
    assertThat(status.<String>json("$.duplicateOf")).isEqualTo(open.trackingNumber());
    assertThat(status.<List<String>>json("$.timeline[*].type")).containsExactly("RECEIVED", "LINKED_TO_OPEN_COMPLAINT");
    assertThat(status.body()).doesNotContain(open.accessToken());
    var page = http.get("/complaints/" + submitted.json("$.trackingNumber") + "?token=" + submitted.json("$.accessToken"),
        null, "Accept-Language", "en");
    assertThat(page.body()).contains("Handled together with complaint", open.trackingNumber(),
        "Added to your open complaint").doesNotContain(open.accessToken());
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheSameLinkedSubmission() {
    submit(contact, SUBJECT, DESCRIPTION);
    String body = webRequest(contact.email(), SUBJECT, DESCRIPTION);
    String key = "dup-" + UUID.randomUUID();

    var first = http.post("/api/complaints", null, body, "Idempotency-Key", key);
    var retry = http.post("/api/complaints", null, body, "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.<String>json("$.trackingNumber")).isEqualTo(first.json("$.trackingNumber"));
    assertThat(retry.<String>json("$.accessToken")).isEqualTo(first.json("$.accessToken"));
    assertThat(jdbc.sql("select count(*) from complaint where lower(contact_email) = :email and status = 'DUPLICATE'")
        .param("email", contact.email()).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void samePhoneNumberWrittenDifferentlyOnAnotherChannelIsTheSameContact() {
    var phone = new Contact(null, null, "+86 139 " + String.format("%04d %04d", Math.abs(contact.email().hashCode() % 10_000),
        (int) (Math.random() * 10_000)));
    var byPhone = driver.processOf(captureByHotline(phone, "Caller says: the app crashes every time she uploads a photo."));
    assertThat(byPhone).isNotNull();
    String digitsOnly = "0086" + phone.phone().replaceAll("\\D", "").substring(2);

    var repeat = captureByHotline(new Contact(null, null, digitsOnly), "Caller says the app crashes every time she uploads a photo");

    assertThat(repeat.status()).isEqualTo(ComplaintStatus.DUPLICATE);
    assertThat(repeat.loggingDueAt()).as("nobody needs to log it").isNull();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(repeat.trackingNumber()).count()).isZero();
  }

  @Test
  void aDifferentTextFromTheSameContactIsAComplaintOfItsOwn() {
    submit(contact, SUBJECT, DESCRIPTION);

    var other = submit(contact, "Charged twice", "My subscription was charged twice this month.");

    assertThat(other.status()).isNotEqualTo(ComplaintStatus.DUPLICATE);
    assertThat(other.processInstanceId()).isNotNull();
    assertThat(templatesSentAbout(other)).containsExactly("ACKNOWLEDGEMENT");
  }

  @Test
  void theSameTextFromAnotherContactIsAComplaintOfItsOwn() {
    submit(contact, SUBJECT, DESCRIPTION);

    var other = submit(new Contact("Zhu Lianhua", "zhu+" + UUID.randomUUID() + "@example.org", null), SUBJECT, DESCRIPTION);

    assertThat(other.status()).isNotEqualTo(ComplaintStatus.DUPLICATE);
  }

  @Test
  void aRepeatAfterTheWindowIsAComplaintOfItsOwn() {
    var open = submit(contact, SUBJECT, DESCRIPTION);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1))));

    var late = submit(contact, SUBJECT, DESCRIPTION);

    assertThat(driver.reload(open).status().isFinal()).as("the first is still open").isFalse();
    assertThat(late.status()).isNotEqualTo(ComplaintStatus.DUPLICATE);
    assertThat(late.processInstanceId()).isNotNull();
  }

  @Test
  void aClosedComplaintIsNoLinkTarget() {
    var withdrawn = submit(contact, SUBJECT, DESCRIPTION);
    complainant.withdraw(withdrawn);
    driver.executeDueJobs(withdrawn);
    assertThat(driver.reload(withdrawn).status()).isEqualTo(ComplaintStatus.WITHDRAWN);

    var again = submit(contact, SUBJECT, DESCRIPTION);

    assertThat(again.status()).isNotEqualTo(ComplaintStatus.DUPLICATE);
    assertThat(again.processInstanceId()).isNotNull();
  }

  @Test
  void triageUndoesALinkAndTheSubmissionBecomesAComplaintWithItsOwnProcess() {
    var open = submit(contact, SUBJECT, DESCRIPTION);
    var linked = submit(contact, SUBJECT, DESCRIPTION);
    assertThat(linked.status()).isEqualTo(ComplaintStatus.DUPLICATE);
    String unlink = "/api/intake/" + linked.trackingNumber() + "/unlink";

    assertThat(http.post(unlink, null, null).status()).as("anonymous").isEqualTo(401);
    assertThat(http.post(unlink, "agent", null).status()).as("intake may hand in, not unlink").isEqualTo(403);
    var unlinked = http.post(unlink, "triager", null);

    assertThat(unlinked.status()).isEqualTo(200);
    var own = driver.reload(linked);
    assertThat(own.processInstanceId()).isNotNull();
    driver.executeDueJobs(own);
    own = driver.reload(own);
    assertThat(own.duplicateOf()).isNull();
    assertThat(own.closedAt()).as("retention must not count it as closed").isNull();
    assertThat(own.status().isFinal()).isFalse();
    BpmnAwareTests.assertThat(driver.processOf(own)).isNotEnded();
    assertThat(openComplaintsOf(contact)).containsExactlyInAnyOrder(open.trackingNumber(), own.trackingNumber());
    assertThat(driver.timelineOf(own)).containsSubsequence(TimelineEventType.LINKED_TO_OPEN_COMPLAINT,
        TimelineEventType.UNLINKED_FROM_OPEN_COMPLAINT, TimelineEventType.LOGGED);
    assertThat(actorOf(own, TimelineEventType.UNLINKED_FROM_OPEN_COMPLAINT)).isEqualTo("triager");
    assertThat(driver.timelineOf(open)).containsSubsequence(TimelineEventType.SUBMISSION_LINKED,
        TimelineEventType.SUBMISSION_UNLINKED);

    var again = http.post(unlink, "triager", null);
    assertThat(again.status()).as("only a linked submission can be unlinked").isEqualTo(409);
    assertThat(http.post("/api/intake/CD-0000000000/unlink", "triager", null).status()).isEqualTo(404);
  }

  @Test
  void anUnlinkedStaffCapturedSubmissionWaitsToBeLoggedFromNow() {
    var phone = new Contact(null, null, "+86 137 " + String.format("%08d", (int) (Math.random() * 100_000_000)));
    captureByHotline(phone, "The app crashes when I upload a photo");
    var linked = captureByHotline(phone, "The app crashes when I upload a photo");
    assertThat(linked.status()).isEqualTo(ComplaintStatus.DUPLICATE);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(2))));

    intake.unlink(linked.trackingNumber());

    var own = driver.reload(linked);
    driver.executeDueJobs(own);
    BpmnAwareTests.assertThat(driver.processOf(own)).isWaitingAt("LogComplaint");
    assertThat(own.loggingDueAt()).isAfter(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(23)));
    assertThat(driver.timelineOf(own)).doesNotContain(TimelineEventType.LOGGING_DEADLINE_BREACHED);
  }

  private Complaint submit(Contact from, String subject, String description) {
    var complaint = intake.receive(new ComplaintIntake.Submission(Channel.WEB_FORM, null, "en", subject, description,
        null, "FUNCTIONAL", "ONE", from));
    if (complaint.processInstanceId() != null) {
      driver.executeDueJobs(complaint);
    }
    return driver.reload(complaint);
  }

  private Complaint captureByHotline(Contact from, String rawText) {
    var complaint = intake.receive(new ComplaintIntake.Submission(Channel.HOTLINE, ClockUtil.getCurrentTime().toInstant(),
        "en", null, null, rawText, null, null, from));
    if (complaint.processInstanceId() != null) {
      driver.executeDueJobs(complaint);
    }
    return driver.reload(complaint);
  }

  private static String webRequest(String email, String subject, String description) {
    return """
        {"channel": "WEB_FORM", "declaredType": "FUNCTIONAL", "subject": "%s", "description": "%s",
         "affectedUsers": "ONE", "contact": {"email": "%s"}, "locale": "en"}
        """.formatted(subject, description, email);
  }

  private List<String> openComplaintsOf(Contact from) {
    return jdbc.sql("""
            select tracking_number from complaint where lower(contact_email) = :email
              and status not in ('CLOSED', 'WITHDRAWN', 'DUPLICATE')
            """)
        .param("email", from.email().toLowerCase()).query(String.class).list();
  }

  private List<String> templatesSentAbout(Complaint complaint) {
    return jdbc.sql("select template from notification where complaint_id = :id and recipient_kind = 'COMPLAINANT'")
        .param("id", complaint.id()).query(String.class).list();
  }

  private String payloadOf(Complaint complaint, String template) {
    return jdbc.sql("select payload from notification where complaint_id = :id and template = :template")
        .param("id", complaint.id()).param("template", template).query(String.class).single();
  }

  private String detailOf(Complaint complaint, TimelineEventType type) {
    return jdbc.sql("select detail from complaint_event where complaint_id = :id and type = :type")
        .param("id", complaint.id()).param("type", type.name()).query(String.class).single();
  }

  private String actorOf(Complaint complaint, TimelineEventType type) {
    return jdbc.sql("select actor from complaint_event where complaint_id = :id and type = :type")
        .param("id", complaint.id()).param("type", type.name()).query(String.class).single();
  }
}
