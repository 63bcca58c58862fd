package com.complaintdesk.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.PageBrowser;
import com.complaintdesk.HttpClient;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintConflict;
import com.complaintdesk.complaint.ComplaintVariables;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The complainant answers the handler's question: on the status page, through the JSON API, or (see
 * MailboxIntakeTest) by replying to our mail; the handler has asked with {@link ProcessDriver#askUser}.
 */
@ComplaintDeskTest
class QuestionAnswerTest {


  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired ComplainantActions actions;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  HttpClient http;
  PageBrowser pages;

  @BeforeEach
  void clients() {
    http = new HttpClient(port);
    pages = new PageBrowser(port);
  }

  @Test
  void answerQuestionHandsTheTrimmedAnswerToTheWaitingProcess() {
    var complaint = driver.submitAppCrash();
    var waiting = driver.askUser(complaint, "Which phone model?");
    String instance = waiting.processInstanceId();
    assertThat(actions.openQuestion(waiting)).contains("Which phone model?");

    actions.answerQuestion(waiting, "  A Pixel 8  ");

    assertThat(answerOf(instance)).isEqualTo("A Pixel 8");
    driver.executeDueJobs(waiting);
    assertThat(driver.task(waiting, "ProposePlan")).as("back with the handler").isNotNull();
    assertThat(actions.openQuestion(waiting)).isEmpty();
    assertThatThrownBy(() -> actions.answerQuestion(waiting, "Again")).isInstanceOf(ComplaintConflict.class);
  }

  @Test
  void answerQuestionRefusesAComplaintThatWaitsForNoAnswerAndBlankOrTooLongAnswers() {
    var complaint = driver.submitAppCrash();

    assertThatThrownBy(() -> actions.answerQuestion(complaint, "A Pixel 8")).isInstanceOf(ComplaintConflict.class);
    assertThatThrownBy(() -> actions.answerQuestion(complaint, "   ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> actions.answerQuestion(complaint, "x".repeat(2001)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(actions.openQuestion(complaint)).isEmpty();
  }

  @Test
  void theApiTakesTheAnswerWhileTheComplaintWaitsAndShowsTheOpenQuestion() {
    var complaint = driver.submitAppCrash();
    String path = "/api/complaints/" + complaint.trackingNumber();
    assertThat(http.get(path, null, "X-Access-Token", complaint.accessToken()).body()).doesNotContain("openQuestion");
    var waiting = driver.askUser(complaint, "Which phone model?");
    String instance = waiting.processInstanceId();
    assertThat(http.get(path, null, "X-Access-Token", complaint.accessToken()).<String>json("$.openQuestion"))
        .isEqualTo("Which phone model?");

    var answered = http.post(path + "/answer", null, "{\"answer\": \"A Pixel 8\"}",
        "X-Access-Token", complaint.accessToken());

    assertThat(answered.status()).isEqualTo(204);
    assertThat(answerOf(instance)).isEqualTo("A Pixel 8");
    assertThat(http.post(path + "/answer", null, "{\"answer\": \"Again\"}", "X-Access-Token",
        complaint.accessToken()).status()).as("answered: nothing waits any more").isEqualTo(409);
  }

  @Test
  void theApiAnswersNotWaitingWith409BadAnswersWith400AndAWrongTokenWith404() {
    var complaint = driver.submitAppCrash();
    String path = "/api/complaints/" + complaint.trackingNumber() + "/answer";
    String token = complaint.accessToken();

    var notWaiting = http.post(path, null, "{\"answer\": \"A Pixel 8\"}", "X-Access-Token", token);
    assertThat(notWaiting.status()).isEqualTo(409);
    assertThat(notWaiting.headers().getContentType()).hasToString("application/problem+json");

    var waiting = driver.askUser(complaint, "Which phone model?");
    var blank = http.post(path, null, "{\"answer\": \"  \"}", "X-Access-Token", token);
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.headers().getContentType()).hasToString("application/problem+json");
    assertThat(blank.<String>json("$.errors[0].field")).isEqualTo("answer");
    var tooLong = http.post(path, null, "{\"answer\": \"" + "x".repeat(2001) + "\"}", "X-Access-Token", token);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.<String>json("$.errors[0].field")).isEqualTo("answer");
    assertThat(http.post(path, null, "{}", "X-Access-Token", token).status()).isEqualTo(400);
    assertThat(http.post(path, null, "{\"answer\": \"A Pixel 8\"}", "X-Access-Token", "wrong").status())
        .isEqualTo(404);
    assertThat(actions.openQuestion(waiting)).as("still waiting").isPresent();
  }

  @Test
  void theStatusPageShowsTheQuestionAsTextAndTakesTheAnswerInBothLanguages() throws Exception {
    var complaint = driver.submitAppCrash();
    String statusPath = "/complaints/" + complaint.trackingNumber() + "?token=" + complaint.accessToken();
    assertThat(pages.get(statusPath, "en").body()).doesNotContain("We have a question for you", "name=\"answer\"");
    var waiting = driver.askUser(complaint, "<script>alert(1)</script> Which phone?");
    String instance = waiting.processInstanceId();

    var page = pages.get(statusPath, "en");
    assertThat(page.body()).contains("We have a question for you", "&lt;script&gt;alert(1)&lt;/script&gt; Which phone?",
        "<label for=\"answer\">Your answer *</label>", "action=\"/complaints/" + complaint.trackingNumber() + "/answer\"")
        .containsPattern("<textarea id=\"answer\" name=\"answer\"[^>]* required")
        .doesNotContain("<script>alert");
    assertThat(pages.get(statusPath, "zh-CN").body()).contains("我们有一个问题想请教您", "提交答复");

    var blank = pages.post("/complaints/" + complaint.trackingNumber() + "/answer", PageBrowser.csrf(page),
        Map.of("token", complaint.accessToken(), "answer", "  "));
    assertThat(blank.headers().firstValue("Location").orElseThrow()).endsWith("notice=answer-missing");
    assertThat(pages.get(statusPath + "&notice=answer-missing", "en").body())
        .contains("id=\"answer-error\"", "Write your answer", "aria-invalid=\"true\"");

    var answered = pages.post("/complaints/" + complaint.trackingNumber() + "/answer", PageBrowser.csrf(page),
        Map.of("token", complaint.accessToken(), "answer", "A Pixel 8"));
    assertThat(answered.headers().firstValue("Location").orElseThrow()).endsWith("notice=answer-thanks");
    assertThat(answerOf(instance)).isEqualTo("A Pixel 8");
    var after = pages.get(statusPath + "&notice=answer-thanks", "zh-CN");
    assertThat(after.body()).contains("谢谢，处理人已收到您的答复。").doesNotContain("name=\"answer\"");
    assertThat(pages.get(statusPath + "&notice=answer-thanks", "en").body())
        .contains("Thank you, the handler has your answer.")
        .as("the question and the answer stay on the timeline, as text")
        .contains("<p class=\"detail\">&lt;script&gt;alert(1)&lt;/script&gt; Which phone?</p>",
            "<p class=\"detail\">A Pixel 8</p>")
        .doesNotContain("<script>alert");

    var again = pages.post("/complaints/" + complaint.trackingNumber() + "/answer", PageBrowser.csrf(page),
        Map.of("token", complaint.accessToken(), "answer", "Again"));
    assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("notice=answer-closed");
  }

  @Test
  void theHandlingProcessWaitingInAwaitAnswerTakesTheAnswerAndGoesBackToProposePlan() {
    Complaint complaint = driver.submitAppCrash();
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    driver.complete(complaint, "ProposePlan", "handler-tech",
        Map.of("askUser", true, "questionForUser", "Which phone model?"));
    assertThat(runtime.createExecutionQuery().processInstanceId(complaint.processInstanceId())
        .activityId("AwaitAnswer").count()).isOne();
    assertThat(http.get("/api/complaints/" + complaint.trackingNumber(), null, "X-Access-Token",
        complaint.accessToken()).<String>json("$.openQuestion")).isEqualTo("Which phone model?");

    var answered = http.post("/api/complaints/" + complaint.trackingNumber() + "/answer", null,
        "{\"answer\": \"A Pixel 8\"}", "X-Access-Token", complaint.accessToken());
    driver.executeDueJobs(complaint);

    assertThat(answered.status()).isEqualTo(204);
    assertThat(driver.task(complaint, "ProposePlan")).isNotNull();
    assertThat(runtime.getVariable(complaint.processInstanceId(), ComplaintVariables.ANSWER)).isEqualTo("A Pixel 8");
  }

  private Object answerOf(String instance) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName(ComplaintVariables.ANSWER).singleResult().getValue();
  }
}
