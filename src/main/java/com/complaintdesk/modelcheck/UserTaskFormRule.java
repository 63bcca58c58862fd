package com.complaintdesk.modelcheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Every user task opens a Camunda Form of forms/ (binding latest, so a form changed alone takes effect), and
 * that form asks for exactly the variables the contract says the task sets; its other fields are read-only and
 * show contract variables. The engine does not check any of this: a missing form fails only the user who opens
 * the task.
 */
final class UserTaskFormRule implements ModelRule {

  @Override
  public List<Problem> check(Models models) {
    List<Problem> problems = new ArrayList<>();
    models.bpmn.forEach((file, model) -> {
      Set<String> processes = contractProcesses(model, models.contract);
      boolean contracted = !processes.isEmpty();
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        var contractTask = models.contract.userTasks().get(task.getId());
        if (contractTask != null && !processes.contains(contractTask.process())) {
          contractTask = null;
        }
        if (contracted && contractTask == null) {
          problems.add(new Problem(file, task.getId(), "this user task is not in the contract: add it to "
              + ProcessContract.FILE + " (userTasks) with its form and the variables it sets"));
        }
        checkForm(models, file, task, contractTask, problems);
      }
      if (contracted) {
        models.contract.userTasks().entrySet().stream()
            .filter(task -> processes.contains(task.getValue().process())).map(Map.Entry::getKey)
            .filter(id -> model.getModelElementById(id) == null)
            .forEach(id -> problems.add(new Problem(file, id, "the contract's user task " + id + " is missing from the"
                + " model: the Java code and integrations rely on its id; put it back or change the contract with them")));
      }
    });
    return problems;
  }

  /** The processes of the model that the contract covers. */
  static Set<String> contractProcesses(BpmnModelInstance model, ProcessContract contract) {
    return model.getModelElementsByType(Process.class).stream().map(Process::getId)
        .filter(contract.processKeys()::contains).collect(java.util.stream.Collectors.toSet());
  }

  private static void checkForm(Models models, String file, UserTask task, ProcessContract.UserTask contractTask,
      List<Problem> problems) {
    String formRef = task.getCamundaFormRef();
    if (formRef == null || formRef.isBlank()) {
      problems.add(new Problem(file, task.getId(), "the user task has no form: in the Camunda Modeler choose Form"
          + " type \"Camunda Forms (linked)\", Form reference = the id of a form in forms/"
          + (contractTask == null ? "" : " (" + contractTask.form() + ")") + ", Binding = latest"));
      return;
    }
    if (!"latest".equals(task.getCamundaFormRefBinding())) {
      problems.add(new Problem(file, task.getId(), "the form binding is '" + task.getCamundaFormRefBinding()
          + "': set it to latest, so that a form changed on its own reaches running and new complaints"));
    }
    if (contractTask != null && !formRef.equals(contractTask.form())) {
      problems.add(new Problem(file, task.getId(), "the task opens form '" + formRef + "' but the contract says '"
          + contractTask.form() + "': fix the form reference (or the contract)"));
    }
    Map.Entry<String, JsonNode> form = models.formWithId(formRef);
    if (form == null) {
      problems.add(new Problem(file, task.getId(), "no form in forms/ has the id '" + formRef + "': create forms/"
          + formRef + ".form in the Camunda Modeler (its Form ID = " + formRef + ") or fix the form reference"));
      return;
    }
    checkFields(models.contract, form.getKey(), form.getValue(), task.getId(), contractTask, problems);
  }

  private static void checkFields(ProcessContract contract, String formFile, JsonNode form, String taskId,
      ProcessContract.UserTask contractTask, List<Problem> problems) {
    Set<String> editable = new LinkedHashSet<>();
    for (JsonNode field : FormFields.of(form)) {
      String key = field.get("key").asText();
      if (!contract.variables().containsKey(key)) {
        problems.add(new Problem(formFile, key, "the field's key is not a process variable of the contract: fix the"
            + " key, or add the variable to " + ProcessContract.FILE + " (variables) with a Java developer"));
      }
      String valuesKey = field.path("valuesKey").asText(null);
      if (valuesKey != null && !contract.variables().containsKey(valuesKey)) {
        problems.add(new Problem(formFile, key, "its options come from '" + valuesKey + "', which is not a process"
            + " variable of the contract: fix the options' input values key"));
      }
      if (FormFields.editable(field)) {
        editable.add(key);
      }
    }
    if (contractTask == null) {
      return;
    }
    contractTask.sets().stream().filter(key -> !editable.contains(key)).forEach(key -> problems.add(new Problem(
        formFile, key, "the task " + taskId + " sets '" + key + "' (contract) but the form has no editable field with"
            + " that key: add it (or untick Disabled/Read only)")));
    editable.stream().filter(key -> !contractTask.sets().contains(key)).forEach(key -> problems.add(new Problem(
        formFile, key, "the field is editable but the contract does not say task " + taskId + " sets '" + key
            + "': tick Disabled to show it read-only, or add it to the task's sets in " + ProcessContract.FILE)));
  }
}
