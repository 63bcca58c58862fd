package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.modelcheck.FormFields;
import com.complaintdesk.modelcheck.ProcessContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task opens its Camunda Form, and each form asks exactly for the contract's fields. A missing
 * form does not fail the deployment, only the user who opens the task: so every task is opened here.
 */
@ComplaintDeskTest
class TaskFormsTest {

  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;

  /** The user tasks of processes/contract.yaml, as the model check reads them. */
  static Stream<Arguments> contract() {
    return ProcessContract.read(Path.of(ProcessContract.FILE)).userTasks().entrySet().stream()
        .map(task -> Arguments.of(task.getKey(), task.getValue().form(), task.getValue().sets(), task.getValue().process()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"complaint-handling", "improvement-action", "hot-topic-watch"})
  void everyUserTaskOfTheModelIsInTheContract(String processKey) {
    var definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    var userTasks = engine.getRepositoryService().getBpmnModelInstance(definition.getId())
        .getModelElementsByType(UserTask.class).stream().map(UserTask::getId).toList();
    assertThat(userTasks).containsExactlyInAnyOrderElementsOf(
        contract().filter(arguments -> arguments.get()[3].equals(processKey))
            .map(arguments -> (String) arguments.get()[0]).toList());
  }

  @ParameterizedTest(name = "{0} opens {1}")
  @MethodSource("contract")
  void taskOpensItsFormWhichAsksForTheContractFields(String taskId, String formId, List<String> inputKeys,
      String processKey) throws IOException {
    var instance = engine.getRuntimeService().createProcessInstanceByKey(processKey)
        .businessKey("CD-FORMSTEST" + taskId.length())
        .setVariables(Variables.createVariables()
            .putValue("department", "TECH_SUPPORT").putValue("departmentGroup", "tech-support")
            .putValue("handler", "handler-tech").putValue("loggingDueAt", new Date())
            .putValue("responseDueAt", new Date()).putValue("responseReminderAt", new Date())
            .putValue("improvementId", 0L).putValue("owner", "handler-tech").putValue("proposalDueAt", new Date())
            .putValue("improvementDueAt", new Date()).putValue("improvementReminderAt", new Date()))
        .startBeforeActivity(taskId)
        .execute(true, true);
    var task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

    JsonNode form;
    try (var deployed = engine.getFormService().getDeployedTaskForm(task.getId())) {
      form = json.readTree(deployed);
    }

    assertThat(form.get("id").asText()).isEqualTo(formId);
    assertThat(editableKeys(form)).containsExactlyInAnyOrderElementsOf(inputKeys);
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "form check", true, true);
  }

  /** The keys of the fields a user can fill in: read-only context fields are disabled. */
  private static List<String> editableKeys(JsonNode form) {
    return FormFields.of(form).stream().filter(FormFields::editable).map(field -> field.get("key").asText()).toList();
  }
}
