package com.complaintdesk.modelcheck;

import com.complaintdesk.complaint.ComplaintVariables;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;

/**
 * The messages our API correlates (ComplaintVariables.MESSAGE_*) are in the contract, and each message of the
 * contract is declared in the process and caught by an event or a receive task. A renamed message otherwise
 * shows only as a 409 to the user who answers a survey.
 */
final class MessageRule implements ModelRule {

  @Override
  public List<Problem> check(Models models) {
    List<Problem> problems = new ArrayList<>();
    apiMessages().stream().filter(message -> !models.contract.messages().containsKey(message))
        .forEach(message -> problems.add(new Problem(ProcessContract.FILE, message, "the API correlates this message"
            + " but the contract does not list it: add it under messages")));
    models.bpmn.forEach((file, model) -> {
      // the messages are complaint-handling's
      if (model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
          .noneMatch(process -> process.getId().equals(models.contract.processKey()))) {
        return;
      }
      Set<String> declared = model.getModelElementsByType(Message.class).stream().map(Message::getName)
          .collect(Collectors.toSet());
      Set<String> caught = model.getModelElementsByType(MessageEventDefinition.class).stream()
          .filter(definition -> definition.getMessage() != null).map(definition -> definition.getMessage().getName())
          .collect(Collectors.toSet());
      model.getModelElementsByType(ReceiveTask.class).stream().filter(task -> task.getMessage() != null)
          .forEach(task -> caught.add(task.getMessage().getName()));
      models.contract.messages().keySet().forEach(message -> {
        if (!declared.contains(message)) {
          problems.add(new Problem(file, message, "the contract's message " + message + " is not declared in the"
              + " model: the API correlates it by this name; add a message with this name (or put the old name back)"));
        } else if (!caught.contains(message)) {
          problems.add(new Problem(file, message, "no event or receive task catches the message " + message
              + ": the API's call would find nothing waiting for it"));
        }
      });
    });
    return problems;
  }

  static List<String> apiMessages() {
    return Arrays.stream(ComplaintVariables.class.getFields())
        .filter(field -> field.getName().startsWith("MESSAGE_") && Modifier.isStatic(field.getModifiers()))
        .map(MessageRule::value).toList();
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
