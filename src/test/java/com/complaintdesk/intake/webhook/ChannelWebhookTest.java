package com.complaintdesk.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.HttpClient;
import com.complaintdesk.LogCapture;
import ch.qos.logback.classic.Level;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Social-media tools, chat bots and survey tools post signed messages to their channel's webhook: a good
 * signature files one complaint per message id, anything unsigned, stale or for an unconfigured channel is
 * refused before the body is read, and survey answers reach their complaint's process.
 */
@ComplaintDeskTest
class ChannelWebhookTest {

  /** The secrets of src/test/resources/application-test.yaml. */
  static final String SOCIAL_MEDIA_SECRET = "test-social-media-secret-0123456789abcdef";
  static final String SURVEY_SECRET = "test-survey-secret-0123456789abcdef0123";
  static final String SOCIAL_MEDIA = "/api/channels/social-media/messages";
  static final String SURVEY = "/api/channels/survey/messages";
  static final String SENT_AT = "2026-01-05T09:30:00Z";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ComplaintRepository complaints;
  @Autowired ProcessDriver driver;
  HttpClient http;

  @BeforeEach
  void client() {
    http = new HttpClient(port);
  }

  @Test
  void aWellSignedMessageFilesOneComplaintThatWaitsForAnAgentToLogIt() {
    String messageId = newId();
    var response = signedPost(SOCIAL_MEDIA, SOCIAL_MEDIA_SECRET, post(messageId, "The app deletes my photos"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.<String>json("$.outcome")).isEqualTo("COMPLAINT_CREATED");
    assertThat(response.<String>json("$.messageId")).isEqualTo(messageId);
    assertThat(response.body()).as("the sender is a tool, not the complainant").doesNotContain("accessToken", "token");
    String trackingNumber = response.json("$.trackingNumber");
    assertThat(response.headers().getLocation()).hasToString("/api/complaints/" + trackingNumber);

    Complaint complaint = complaints.get(trackingNumber);
    assertThat(complaint.channel()).isEqualTo(Channel.SOCIAL_MEDIA);
    assertThat(complaint.rawText()).isEqualTo("The app deletes my photos");
    assertThat(complaint.receivedAt()).isEqualTo(Instant.parse(SENT_AT));
    assertThat(complaint.contact().name()).isEqualTo("Li Wei (@liwei)");
    assertThat(complaint.contact().email()).isEqualTo("li.wei@example.org");
    driver.executeDueJobs(complaint);
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("LogComplaint");
    assertThat(messagesWithId(messageId)).isEqualTo(1);
  }

  @Test
  void aMissingOrWrongSignatureIsRefusedWith401AndFilesNothing() {
    String messageId = newId();
    String body = post(messageId, "Unsigned");
    String now = Long.toString(Instant.now().getEpochSecond());

    var refused = List.of(
        http.post(SOCIAL_MEDIA, null, body),
        http.post(SOCIAL_MEDIA, null, body, "X-Timestamp", now),
        http.post(SOCIAL_MEDIA, null, body, "X-Timestamp", now, "X-Signature", "sha256=" + "0".repeat(64)),
        http.post(SOCIAL_MEDIA, null, body, "X-Timestamp", now, "X-Signature", sign(SURVEY_SECRET, now, body)),
        http.post(SOCIAL_MEDIA, null, body, "X-Timestamp", now,
            "X-Signature", sign(SOCIAL_MEDIA_SECRET, now, body.replace("Unsigned", "Tampered"))),
        http.post(SOCIAL_MEDIA, null, body, "X-Timestamp", "yesterday", "X-Signature", sign(SOCIAL_MEDIA_SECRET, now, body)));

    assertThat(refused).allSatisfy(response -> {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.headers().getContentType()).hasToString("application/problem+json");
      assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("HMAC-SHA256");
      assertThat(response.<String>json("$.detail")).doesNotContain(SOCIAL_MEDIA_SECRET);
    });
    assertThat(refused.get(0).<String>json("$.detail")).contains("X-Timestamp", "X-Signature");
    assertThat(refused.get(2).<String>json("$.detail")).contains("does not match");
    assertThat(messagesWithId(messageId)).isZero();
  }

  @Test
  void aTimestampMoreThanFiveMinutesOldOrAheadIsRefusedAsAReplay() {
    String body = post(newId(), "Replayed");
    Instant now = Instant.now();

    // X-Timestamp has whole seconds: 310 s stays more than 5 minutes off after truncation and a slow request.
    for (Instant signedAt : List.of(now.minusSeconds(310), now.plusSeconds(310))) {
      var response = signedPost(SOCIAL_MEDIA, SOCIAL_MEDIA_SECRET, body, signedAt);
      assertThat(response.status()).as("signed at %s", signedAt).isEqualTo(401);
      assertThat(response.<String>json("$.detail")).contains("5 minutes");
    }

    // A message recorded now and replayed six minutes later, by the engine clock the check reads.
    String recordedAt = Long.toString(now.getEpochSecond());
    String signature = sign(SOCIAL_MEDIA_SECRET, recordedAt, body);
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(6))));
    assertThat(http.post(SOCIAL_MEDIA, null, body, "X-Timestamp", recordedAt, "X-Signature", signature).status())
        .isEqualTo(401);
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(4))));
    assertThat(http.post(SOCIAL_MEDIA, null, body, "X-Timestamp", recordedAt, "X-Signature", signature).status())
        .isEqualTo(201);
  }

  @Test
  void theSameMessageIdTwiceFilesOneComplaintAndTheSecondAnswerIsTheFirstResult() {
    String messageId = newId();
    String body = post(messageId, "Sent twice by a retrying tool");

    var first = signedPost(SOCIAL_MEDIA, SOCIAL_MEDIA_SECRET, body);
    var second = signedPost(SOCIAL_MEDIA, SOCIAL_MEDIA_SECRET, body, Instant.now().plusSeconds(1));

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.<String>json("$.trackingNumber")).isEqualTo(first.json("$.trackingNumber"));
    assertThat(second.<String>json("$.outcome")).isEqualTo("COMPLAINT_CREATED");
    assertThat(second.<Boolean>json("$.repeated")).isTrue();
    assertThat(complaintsWithText("Sent twice by a retrying tool")).isEqualTo(1);
    assertThat(messagesWithId(messageId)).isEqualTo(1);
  }

  @Test
  void concurrentDeliveriesOfOneMessageFileOneComplaint() throws Exception {
    String body = post(newId(), "Delivered twice at once");
    Callable<HttpClient.Response> deliver = () -> signedPost(SOCIAL_MEDIA, SOCIAL_MEDIA_SECRET, body);
    var executor = Executors.newFixedThreadPool(2);
    try {
      List<Future<HttpClient.Response>> deliveries = executor.invokeAll(List.of(deliver, deliver));
      List<Integer> statuses = new ArrayList<>();
      List<String> trackingNumbers = new ArrayList<>();
      for (var delivery : deliveries) {
        statuses.add(delivery.get().status());
        trackingNumbers.add(delivery.get().json("$.trackingNumber"));
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 200);
      assertThat(trackingNumbers.get(0)).isEqualTo(trackingNumbers.get(1));
    } finally {
      executor.shutdownNow();
    }
    assertThat(complaintsWithText("Delivered twice at once")).isEqualTo(1);
  }

  @Test
  void aMalformedBodyIsA400ProblemNamingTheFields() {
    var notJson = signedPost(SOCIAL_MEDIA, SOCIAL_MEDIA_SECRET, "{\"messageId\": ");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.headers().getContentType()).hasToString("application/problem+json");
    assertThat(notJson.<String>json("$.title")).isEqualTo("Malformed request");

    var invalid = signedPost(SOCIAL_MEDIA, SOCIAL_MEDIA_SECRET, """
        {"messageId": "has spaces", "author": {"email": "not-an-email"}, "text": " ", "locale": "fr",
         "comment": "a comment"}
        """);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.<List<String>>json("$.errors[*].field"))
        .containsExactlyInAnyOrder("messageId", "sentAt", "author.email", "text", "locale", "comment");

    var unknownField = signedPost(SOCIAL_MEDIA, SOCIAL_MEDIA_SECRET, post(newId(), "x").replaceFirst("\\{", "{\"admin\": true, "));
    assertThat(unknownField.<String>json("$.errors[0].field")).isEqualTo("admin");

    var scoreOnSocialMedia = signedPost(SOCIAL_MEDIA, SOCIAL_MEDIA_SECRET,
        post(newId(), "Rated").replace("\"text\"", "\"satisfaction\": 2, \"text\""));
    assertThat(scoreOnSocialMedia.status()).isEqualTo(400);
    assertThat(scoreOnSocialMedia.<String>json("$.errors[0].field")).isEqualTo("satisfaction");
  }

  @Test
  void anUnknownOrUnconfiguredChannelIsA404Problem() {
    String body = post(newId(), "Nobody listens");
    for (String path : List.of("/api/channels/fax/messages", "/api/channels/chat/messages")) {
      var response = signedPost(path, SOCIAL_MEDIA_SECRET, body);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.headers().getContentType()).hasToString("application/problem+json");
      assertThat(response.<String>json("$.detail")).contains("social-media, chat and survey");
    }
  }

  @Test
  void aSurveyAnswerWithATrackingNumberReachesItsComplaint() {
    var complaint = driver.submitAppCrash();
    driver.handleUntilResultSent(complaint);
    assertThat(driver.reload(complaint).status()).isEqualTo(ComplaintStatus.AWAITING_FEEDBACK);
    var instance = driver.processOf(complaint);

    var response = signedPost(SURVEY, SURVEY_SECRET, """
        {"messageId": "%s", "sentAt": "%s", "trackingNumber": "%s", "satisfaction": 4, "comment": "Works now"}
        """.formatted(newId(), Instant.now().minusSeconds(5), complaint.trackingNumber()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.<String>json("$.outcome")).isEqualTo("SURVEY_ANSWERED");
    assertThat(response.<String>json("$.trackingNumber")).isEqualTo(complaint.trackingNumber());
    driver.executeDueJobs(complaint);
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("SurveyAnswered", "RecordSatisfaction");
    var answered = driver.reload(complaint);
    assertThat(answered.satisfaction()).isEqualTo(4);
    assertThat(answered.satisfactionComment()).isEqualTo("Works now");
    assertThat(answered.status()).isEqualTo(ComplaintStatus.CLOSED);
  }

  @Test
  void aSurveyAnswerForAnUnknownComplaintOrOneNotAwaitingFeedbackIsRefused() {
    String unknown = """
        {"messageId": "%s", "sentAt": "%s", "trackingNumber": "CD-0000000000", "satisfaction": 3}
        """.formatted(newId(), SENT_AT);
    var response = signedPost(SURVEY, SURVEY_SECRET, unknown);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.<String>json("$.errors[0].field")).isEqualTo("trackingNumber");

    var open = driver.submitAppCrash();
    var tooEarly = signedPost(SURVEY, SURVEY_SECRET, unknown.replace("CD-0000000000", open.trackingNumber()));
    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(driver.reload(open).satisfaction()).isNull();
  }

  @Test
  void aSurveyMessageWithoutTrackingNumberBecomesASurveyComplaint() {
    var response = signedPost(SURVEY, SURVEY_SECRET, """
        {"messageId": "%s", "sentAt": "%s", "satisfaction": 2, "text": "Search never finds my orders",
         "author": {"email": "shopper@example.org"}, "locale": "zh-CN"}
        """.formatted(newId(), SENT_AT));

    assertThat(response.status()).isEqualTo(201);
    Complaint complaint = complaints.get(response.json("$.trackingNumber"));
    assertThat(complaint.channel()).isEqualTo(Channel.SURVEY);
    assertThat(complaint.locale()).isEqualTo("zh-CN");
    assertThat(complaint.rawText()).isEqualTo("Survey score: 2 of 5\n\nSearch never finds my orders");
    assertThat(complaint.satisfaction()).as("a score about the platform, not a complaint's result").isNull();
    driver.executeDueJobs(complaint);
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("LogComplaint");
  }

  @Test
  void atDebugTheLogHoldsNoWordsContactDetailsSecretsOrSignatures() {
    String body = """
        {"messageId": "%s", "sentAt": "%s", "text": "Zhu's parcel never came",
         "author": {"name": "Zhu Lianhua", "handle": "@zhulh", "email": "zhu.lianhua@example.org", "phone": "+86 139 2222 7777"}}
        """.formatted(newId(), SENT_AT);
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String signature = sign(SOCIAL_MEDIA_SECRET, timestamp, body);
    try (var log = new LogCapture(Map.of("com.complaintdesk", Level.DEBUG, "org.camunda", Level.DEBUG,
        "org.springframework.web", Level.DEBUG, "org.springframework.security", Level.DEBUG,
        "org.springframework.web.client", Level.INFO))) {
      assertThat(http.post(SOCIAL_MEDIA, null, body, "X-Timestamp", timestamp, "X-Signature", signature).status())
          .isEqualTo(201);
      assertThat(http.post(SOCIAL_MEDIA, null, body, "X-Timestamp", timestamp, "X-Signature", "sha256=00").status())
          .isEqualTo(401);
      assertThat(log.contains("ChannelMessage[")).as("the log is at DEBUG").isTrue();
      assertThat(log.linesContainingAny("Zhu Lianhua", "zhulh", "zhu.lianhua", "2222 7777", SOCIAL_MEDIA_SECRET,
          signature.substring(7))).isEmpty();
      // The words are a process variable by design (the intake agent's form shows them), so the engine's SQL
      // lines carry them at DEBUG; our code and Spring's web layer do not.
      assertThat(log.linesContainingAny("parcel never came")).allSatisfy(line -> assertThat(line).contains("org.camunda"));
    }
  }

  private HttpClient.Response signedPost(String path, String secret, String body) {
    return signedPost(path, secret, body, Instant.now());
  }

  private HttpClient.Response signedPost(String path, String secret, String body, Instant signedAt) {
    String timestamp = Long.toString(signedAt.getEpochSecond());
    return http.post(path, null, body, "X-Timestamp", timestamp, "X-Signature", sign(secret, timestamp, body));
  }

  /** The signature as the README tells integrators to compute it, independent of the application's code. */
  static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String post(String messageId, String text) {
    return """
        {"messageId": "%s", "sentAt": "%s", "text": "%s",
         "author": {"name": "Li Wei", "handle": "@liwei", "email": "li.wei@example.org"}}
        """.formatted(messageId, SENT_AT, text);
  }

  private static String newId() {
    return "msg-" + UUID.randomUUID();
  }

  private long messagesWithId(String messageId) {
    return jdbc.sql("select count(*) from channel_message where message_id = :id").param("id", messageId)
        .query(Long.class).single();
  }

  private long complaintsWithText(String text) {
    return jdbc.sql("select count(*) from complaint where raw_text = :text").param("text", text)
        .query(Long.class).single();
  }
}
