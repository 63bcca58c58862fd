package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationMessagesTest {

  private static final String HOSTILE = "<script>alert(1)</script> & \"x\"";
  private static final String HOSTILE_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;";
  private static final String TRACKING_NUMBER = "CD-20260305-0042";
  private static final String STATUS_URL = "https://complaints.example.com/complaints/" + TRACKING_NUMBER + "?token=s3cr3t";
  private static final String TASKLIST_URL = "https://complaints.example.com/camunda/app/tasklist/";

  private final ObjectMapper json = new ObjectMapper();
  private final NotificationMessages messages = new NotificationMessages(json, ZoneId.of("UTC"));

  static Stream<Arguments> everyTemplateInBothLanguages() {
    return Arrays.stream(NotificationTemplate.values())
        .flatMap(template -> Stream.of(Arguments.of(template, "en"), Arguments.of(template, "zh-CN")));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyTemplateInBothLanguages")
  void everyTemplateRendersInBothLanguagesWithAComplaintWhoseTextHoldsHtmlEscaped(NotificationTemplate template,
      String locale) {
    var message = messages.render(notification(template, locale, fullPayload(template)));

    assertThat(message.subject()).isNotBlank().contains(TRACKING_NUMBER).doesNotContain("\n", "\r");
    assertThat(message.text()).isNotBlank().contains(TRACKING_NUMBER);
    assertThat(message.html()).isNotBlank().contains(TRACKING_NUMBER).contains("<h1");
    if (locale.equals("en")) {
      assertThat(message.html()).contains("<html lang=\"en\">");
      Stream.of(message.subject(), message.text(), message.html()).forEach(part -> assertThat(part)
          .containsIgnoringCase("complaint").doesNotContainPattern("\\p{IsHan}"));
    } else {
      assertThat(message.html()).contains("<html lang=\"zh-CN\">");
      Stream.of(message.subject(), message.text(), message.html()).forEach(part -> assertThat(part).contains("投诉"));
    }

    assertThat(message.html()).as("what people wrote is escaped in the HTML").contains(HOSTILE_ESCAPED)
        .doesNotContain("<script", "alert(1)</");
    assertThat(message.text()).as("and plain text in the text version").contains(HOSTILE)
        .doesNotContain("&lt;", "&amp;");

    if (template == NotificationTemplate.RESULT_WITH_SURVEY) {
      String surveyLink = STATUS_URL + "#survey-title";
      assertThat(message.html()).contains("href=\"" + surveyLink + "\"")
          .contains(locale.equals("en") ? "Answer the survey" : "填写满意度调查");
      assertThat(message.text()).contains(surveyLink);
    } else if (NotificationMessages.TO_COMPLAINANT.contains(template)) {
      assertThat(message.html()).contains("href=\"" + STATUS_URL + "\"");
      assertThat(message.text()).contains(STATUS_URL);
    } else {
      assertThat(message.html()).contains("href=\"" + TASKLIST_URL + "\"").doesNotContain(STATUS_URL);
      assertThat(message.text()).contains(TASKLIST_URL);
    }
  }

  @ParameterizedTest
  @EnumSource(NotificationTemplate.class)
  void aMessageWhosePayloadWasErasedStillRendersWithoutGaps(NotificationTemplate template) {
    var message = messages.render(notification(template, "en", "{}"));

    assertThat(message.subject()).isNotBlank().contains("(no tracking number)");
    assertThat(message.text()).isNotBlank().doesNotContain("null").doesNotContain("\n\n\n");
    assertThat(message.html()).isNotBlank().doesNotContain("null").doesNotContain("href=");
  }

  @Test
  void onlyTheKeysThereAreShow() {
    var withoutTask = messages.render(notification(NotificationTemplate.NEW_GROUP_TASK, "en",
        Map.of("trackingNumber", TRACKING_NUMBER)));
    assertThat(withoutTask.text()).contains("A task waits in your group's queue for complaint " + TRACKING_NUMBER)
        .doesNotContain("Subject", "Tasklist:");

    var withTask = messages.render(notification(NotificationTemplate.NEW_GROUP_TASK, "en",
        Map.of("trackingNumber", TRACKING_NUMBER, "taskName", "Assign handler", "tasklistUrl", TASKLIST_URL)));
    assertThat(withTask.text()).contains("The task \"Assign handler\" waits in your group's queue")
        .contains("Open the task in Tasklist: " + TASKLIST_URL);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"fr", "en", "en-US", "de_DE", "xx-invalid-"})
  void aLocaleOtherThanChineseFallsBackToEnglish(String locale) {
    var message = messages.render(notification(NotificationTemplate.ACKNOWLEDGEMENT, locale,
        Map.of("trackingNumber", TRACKING_NUMBER, "statusUrl", STATUS_URL)));

    assertThat(message.subject()).isEqualTo("We received your complaint " + TRACKING_NUMBER);
    assertThat(message.html()).contains("<html lang=\"en\">");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "zh-CN", "zh_CN", "zh-Hans-CN", "ZH_cn"})
  void everyWayOfSayingChineseChoosesChinese(String locale) {
    var message = messages.render(notification(NotificationTemplate.ACKNOWLEDGEMENT, locale,
        Map.of("trackingNumber", TRACKING_NUMBER, "statusUrl", STATUS_URL)));

    assertThat(message.subject()).isEqualTo("我们已收到您的投诉 " + TRACKING_NUMBER);
    assertThat(message.html()).contains("<html lang=\"zh-CN\">");
  }

  @Test
  void deadlinesAreShownInTheReadersLanguage() {
    Map<String, Object> payload = Map.of("trackingNumber", TRACKING_NUMBER, "responseDueAt", "2026-03-05T09:30:00Z");

    assertThat(messages.render(notification(NotificationTemplate.RESPONSE_REMINDER, "en", payload)).text())
        .contains("due by 5 March 2026, 09:30 UTC.");
    assertThat(messages.render(notification(NotificationTemplate.RESPONSE_REMINDER, "zh-CN", payload)).html())
        .contains("须在 2026年3月5日 09:30 UTC 前提交");
  }

  @Test
  void aNoteKeepsItsLineBreaks() {
    var message = messages.render(notification(NotificationTemplate.PROGRESS_NOTE, "en",
        Map.of("trackingNumber", TRACKING_NUMBER, "note", "First we checked the logs.\nThen we fixed it.")));

    assertThat(message.text()).contains("First we checked the logs.\nThen we fixed it.");
    assertThat(message.html()).contains("white-space:pre-line").contains("First we checked the logs.\nThen we fixed it.");
  }

  @Test
  void theResultCarriesTheHandlersMessageAboveWhatWasDoneAndGoesWithoutOne() {
    var payload = new LinkedHashMap<String, Object>(Map.of("trackingNumber", TRACKING_NUMBER, "measures", "Patched",
        "effect", "Photos upload", "reply", "Hello,\nthe fix is done.\n\nYour complaint team"));
    var message = messages.render(notification(NotificationTemplate.RESULT_WITH_SURVEY, "en", payload));

    assertThat(message.text()).containsSubsequence("A message from the team", "Hello,\nthe fix is done.", "What we did",
        "Patched");
    assertThat(message.html()).containsSubsequence("A message from the team", "Hello,\nthe fix is done.", "Patched");

    payload.remove("reply");
    var withoutMessage = messages.render(notification(NotificationTemplate.RESULT_WITH_SURVEY, "zh-CN", payload));
    assertThat(withoutMessage.text()).doesNotContain("团队的留言").contains("Patched");
    assertThat(withoutMessage.html()).doesNotContain("团队的留言");
  }

  @Test
  void theSubjectIsOneLineSoItCannotAddMailHeaders() {
    var message = messages.render(notification(NotificationTemplate.CLOSED, "en",
        Map.of("trackingNumber", "CD-1\r\nBcc: someone@example.org")));

    assertThat(message.subject()).isEqualTo("Your complaint CD-1 Bcc: someone@example.org is closed");
  }

  @Test
  void aLinkThatIsNoWebAddressIsLeftOut() {
    var message = messages.render(notification(NotificationTemplate.ACKNOWLEDGEMENT, "en",
        Map.of("trackingNumber", TRACKING_NUMBER, "statusUrl", "javascript:alert(1)")));

    assertThat(message.html()).doesNotContain("javascript:").doesNotContain("href=");
    assertThat(message.text()).doesNotContain("javascript:");
  }

  @ParameterizedTest
  @EnumSource(value = NotificationTemplate.class, names = {"QUESTION_FOR_USER", "QUESTION_REMINDER"})
  void theQuestionIsQuotedAndTheLinkLeadsToTheStatusPageToAnswerIt(NotificationTemplate template) {
    var message = messages.render(notification(template, "en", Map.of("trackingNumber", TRACKING_NUMBER,
        "statusUrl", STATUS_URL, "question", "Which phone model?\nAnd which app version?")));

    assertThat(message.text()).contains("Our question:\nWhich phone model?\nAnd which app version?")
        .contains("Answer on your complaint's page:\n" + STATUS_URL, "reply to this email");
    assertThat(message.html()).contains("<blockquote", "Which phone model?\nAnd which app version?</blockquote>")
        .contains("href=\"" + STATUS_URL + "\"");
  }

  @Test
  void templateSyntaxInWhatPeopleWroteStaysText() {
    String tricky = "[(${statusUrl})] {0} #{app.name} ${trackingNumber}";
    var message = messages.render(notification(NotificationTemplate.PROGRESS_NOTE, "en",
        Map.of("trackingNumber", TRACKING_NUMBER, "statusUrl", STATUS_URL, "note", tricky)));

    assertThat(message.text()).contains(tricky);
    assertThat(message.html()).contains(tricky);
  }

  @Test
  void theSurveyLinkPointsAtTheSurveyOfTheStatusPage() throws IOException {
    try (var page = getClass().getResourceAsStream("/templates/complaint-status.html")) {
      assertThat(new String(page.readAllBytes(), StandardCharsets.UTF_8)).contains("id=\"survey-title\"");
    }
  }

  private Map<String, Object> fullPayload(NotificationTemplate template) {
    var payload = new LinkedHashMap<String, Object>();
    payload.put("trackingNumber", TRACKING_NUMBER);
    payload.put("subject", HOSTILE);
    if (NotificationMessages.TO_COMPLAINANT.contains(template)) {
      payload.put("statusUrl", STATUS_URL);
      payload.put("note", HOSTILE);
      payload.put("measures", HOSTILE);
      payload.put("effect", HOSTILE);
      payload.put("reply", HOSTILE);
      payload.put("originalTrackingNumber", "CD-20260301-0007");
      payload.put("question", HOSTILE);
    } else {
      payload.put("topic", HOSTILE);
      payload.put("activity", "Notify leads and managers");
      payload.put("responseDueAt", "2026-03-05T09:30:00Z");
      payload.put("taskName", HOSTILE);
      payload.put("tasklistUrl", TASKLIST_URL);
    }
    return payload;
  }

  private Notification notification(NotificationTemplate template, String locale, Map<String, Object> payload) {
    try {
      return notification(template, locale, json.writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Notification notification(NotificationTemplate template, String locale, String payload) {
    var kind = NotificationMessages.TO_COMPLAINANT.contains(template) ? RecipientKind.COMPLAINANT
        : RecipientKind.STAFF_GROUP;
    return new Notification(1, 1L, "someone", kind, template, locale, payload, NotificationState.PENDING, 0,
        Instant.parse("2026-03-01T08:00:00Z"), null);
  }
}
