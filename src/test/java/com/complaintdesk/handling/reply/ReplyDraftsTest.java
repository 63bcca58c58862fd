package com.complaintdesk.handling.reply;

import static com.complaintdesk.complaint.ComplaintVariables.PROGRESS_REPLY;
import static com.complaintdesk.complaint.ComplaintVariables.RESULT_REPLY;
import static com.complaintdesk.complaint.ComplaintVariables.SEND_PROGRESS_REPLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.TimelineEvent;
import com.complaintdesk.complaint.Timeline;
import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.security.ActingUser;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Implement plan and Confirm result offer the handler a reply drafted from the templates of processes/replies/, in
 * the complainant's language and filled with the complaint's fields; what the handler submits is what the user gets,
 * and the draft stays with its task.
 */
@ComplaintDeskTest
class ReplyDraftsTest {

  @Autowired ProcessDriver driver;
  @Autowired ComplaintIntake intake;
  @Autowired ProcessEngine engine;
  @Autowired ActingUser actingUser;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;

  @Test
  void implementPlanOffersTheDraftInTheComplainantsLanguageAndSendsNothingUnasked() {
    var complaint = chineseAppCrashAtImplementPlan();

    var draft = localVariables("ImplementPlan", complaint);
    assertThat(draft).containsEntry(SEND_PROGRESS_REPLY, false);
    assertThat((String) draft.get(PROGRESS_REPLY))
        .as("processes/replies/implement-plan/FUNCTIONAL.zh.txt, filled")
        .startsWith("您好！")
        .contains("“上传照片时应用崩溃”（" + complaint.trackingNumber() + "）", "我们正在做的：修复上传功能", "修复会随更新推送")
        .doesNotContain("{", "}");
    assertThat(processVariables(complaint)).doesNotContainKeys(PROGRESS_REPLY, SEND_PROGRESS_REPLY);

    // Tasklist submits the visible fields only: the draft's field stays hidden while "send" is unticked.
    submitForm(complaint, "ImplementPlan", Map.of("progressNote", "", "done", false));

    assertThat(messages(complaint, "PROGRESS_NOTE")).as("nothing sent unasked").isEmpty();
    assertThat(driver.timelineOf(complaint)).endsWith(TimelineEventType.WORK_CONTINUED);
    assertThat(processVariables(complaint)).doesNotContainKeys(PROGRESS_REPLY, SEND_PROGRESS_REPLY);
    assertThat(localVariables("ImplementPlan", complaint)).as("the next round is offered a fresh draft")
        .containsEntry(SEND_PROGRESS_REPLY, false).containsKey(PROGRESS_REPLY);
  }

  @Test
  void theEditedDraftIsWhatReachesTheUserAndItsTimeline() {
    var complaint = chineseAppCrashAtImplementPlan();
    String edited = ((String) localVariables("ImplementPlan", complaint).get(PROGRESS_REPLY))
        .replace("修复上传功能", "修复上传功能，预计周五发布");

    submitForm(complaint, "ImplementPlan", Map.of(SEND_PROGRESS_REPLY, true, PROGRESS_REPLY, edited, "done", false));

    assertThat(messages(complaint, "PROGRESS_NOTE")).singleElement().satisfies(message -> {
      assertThat(message.locale()).isEqualTo("zh-CN");
      assertThat(message.payload()).contains("预计周五发布");
    });
    assertThat(lastEvent(complaint)).satisfies(event -> {
      assertThat(event.type()).isEqualTo(TimelineEventType.PROGRESS_NOTE);
      assertThat(event.detail()).isEqualTo(edited);
    });
    assertThat(processVariables(complaint)).containsEntry("lastProgressNote", edited)
        .doesNotContainKeys(PROGRESS_REPLY, SEND_PROGRESS_REPLY, "progressNote");

    // A plain completion (REST /complete, TaskService) sets the answers on the process: they do not stay there either.
    driver.complete(complaint, "ImplementPlan", "handler-tech",
        Map.of(SEND_PROGRESS_REPLY, true, PROGRESS_REPLY, "Second note, edited", "done", true));
    assertThat(messages(complaint, "PROGRESS_NOTE")).hasSize(2)
        .last().satisfies(message -> assertThat(message.payload()).contains("Second note, edited"));
    assertThat(processVariables(complaint)).doesNotContainKeys(PROGRESS_REPLY, SEND_PROGRESS_REPLY);
  }

  @Test
  void sendingAnEmptiedDraftIsRefused() {
    var complaint = chineseAppCrashAtImplementPlan();

    assertThatThrownBy(() -> submitForm(complaint, "ImplementPlan",
        Map.of(SEND_PROGRESS_REPLY, true, PROGRESS_REPLY, "  ", "done", false)))
        .hasMessageContaining("progressReply is empty");
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("ImplementPlan");
  }

  @Test
  void confirmResultOffersTheResultMessageWhichGoesOutWithTheResultAsEdited() {
    var complaint = driver.submitAppCrash();
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("plan", "Fix the upload"));
    driver.complete(complaint, "ImplementPlan", "handler-tech", Map.of("done", true));

    String draft = (String) localVariables("ConfirmResult", complaint).get(RESULT_REPLY);
    assertThat(draft).as("processes/replies/confirm-result/FUNCTIONAL.en.txt, filled")
        .startsWith("Hello,").contains("\"The app crashes\" (" + complaint.trackingNumber() + ")", "the fix is done");
    assertThat(processVariables(complaint)).doesNotContainKey(RESULT_REPLY);

    // Goal not met: the message stays hidden in the form, nothing is kept or sent, and the next round drafts anew.
    submitForm(complaint, "ConfirmResult", Map.of("measures", "Patched", "effect", "Some photos fail", "goalMet", false));
    assertThat(driver.reload(complaint).resultReply()).isNull();
    driver.complete(complaint, "ImplementPlan", "handler-tech", Map.of("done", true));
    String edited = draft.replace("the fix is done", "the fix is done and released in version 5.3");

    submitForm(complaint, "ConfirmResult", Map.of("measures", "Patched twice", "effect", "All photos upload",
        "goalMet", true, RESULT_REPLY, edited));

    assertThat(driver.reload(complaint).resultReply()).isEqualTo(edited);
    assertThat(messages(complaint, "RESULT_WITH_SURVEY")).singleElement()
        .satisfies(message -> assertThat(message.payload()).contains("released in version 5.3", "Patched twice"));
    assertThat(processVariables(complaint)).doesNotContainKey(RESULT_REPLY);
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("AwaitFeedbackGateway");
  }

  @Test
  void draftsHoldNoPersonalDataOfTheComplainant() {
    var complaint = chineseAppCrashAtImplementPlan();
    submitForm(complaint, "ImplementPlan", Map.of("done", true));

    List<HistoricVariableInstance> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(complaint.processInstanceId()).list();
    assertThat(variables).extracting(HistoricVariableInstance::getName).contains(PROGRESS_REPLY, RESULT_REPLY);
    var contact = ProcessDriver.CONTACT;
    assertThat(variables).allSatisfy(variable -> assertThat(String.valueOf(variable.getValue()))
        .as(variable.getName()).doesNotContain(contact.name(), contact.email(), contact.phone()));
  }

  /** A functional defect many users see, from a complainant who writes Chinese, waiting in its first ImplementPlan. */
  private Complaint chineseAppCrashAtImplementPlan() {
    var complaint = intake.receive(new ComplaintIntake.Submission(Channel.WEB_FORM, null, "zh-CN", "上传照片时应用崩溃",
        "我上传照片时应用就崩溃了", null, "FUNCTIONAL", AffectedUsers.MANY.name(), ProcessDriver.CONTACT));
    driver.executeDueJobs(complaint);
    complaint = driver.reload(complaint);
    driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    driver.complete(complaint, "ProposePlan", "handler-tech", Map.of("plan", "修复上传功能"));
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("ImplementPlan");
    return complaint;
  }

  /** As Tasklist submits a Camunda Form: POST /task/{id}/submit-form. */
  private void submitForm(Complaint complaint, String taskId, Map<String, Object> fields) {
    String id = driver.task(complaint, taskId).getId();
    actingUser.run("handler-tech", () -> engine.getFormService().submitTaskForm(id, fields));
    driver.executeDueJobs(complaint);
  }

  private Map<String, Object> localVariables(String taskId, Complaint complaint) {
    return engine.getTaskService().getVariablesLocal(driver.task(complaint, taskId).getId());
  }

  private Map<String, Object> processVariables(Complaint complaint) {
    return engine.getRuntimeService().getVariables(complaint.processInstanceId());
  }

  private TimelineEvent lastEvent(Complaint complaint) {
    var events = timeline.of(complaint.id());
    return events.get(events.size() - 1);
  }

  private record Message(String locale, String payload) {
  }

  private List<Message> messages(Complaint complaint, String template) {
    return jdbc.sql("select locale, payload from notification where complaint_id = :id and template = :template"
            + " and recipient_kind = 'COMPLAINANT' order by id")
        .param("id", complaint.id()).param("template", template)
        .query((rs, row) -> new Message(rs.getString("locale"), rs.getString("payload"))).list();
  }
}
