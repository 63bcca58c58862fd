package com.complaintdesk.modelcheck;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.SimpleResolver;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Every timer has a date, duration or cycle that evaluates to one, and every other expression (conditions,
 * assignees, candidate groups, input parameters) evaluates, with the contract's example variables. A misspelt
 * variable or a literal deadline shows here instead of at the first complaint that reaches the element.
 */
final class ExpressionRule implements ModelRule {

  private final ExpressionFactoryImpl factory = new ExpressionFactoryImpl();

  @Override
  public List<Problem> check(Models models) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Object> examples = models.contract.examples();
    models.bpmn.forEach((file, model) -> {
      checkTimers(file, model, examples, problems);
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (flow.getConditionExpression() != null) {
          Object value = evaluate(file, flow.getId(), "condition", flow.getConditionExpression().getTextContent(),
              examples, problems);
          if (value != null && !(value instanceof Boolean)) {
            problems.add(new Problem(file, flow.getId(), "the condition gives " + value + ", not true or false"));
          }
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        evaluate(file, task.getId(), "assignee", task.getCamundaAssignee(), examples, problems);
        evaluate(file, task.getId(), "candidate groups", task.getCamundaCandidateGroups(), examples, problems);
        evaluate(file, task.getId(), "candidate users", task.getCamundaCandidateUsers(), examples, problems);
      }
      for (CamundaInputParameter parameter : model.getModelElementsByType(CamundaInputParameter.class)) {
        String owner = DelegateBeanRule.owner(parameter);
        if (!(model.getModelElementById(owner) instanceof BusinessRuleTask) && parameter.getValue() == null) {
          evaluate(file, owner, "input " + parameter.getCamundaName(), parameter.getTextContent(), examples, problems);
        }
      }
    });
    return problems;
  }

  private void checkTimers(String file, BpmnModelInstance model, Map<String, Object> examples, List<Problem> problems) {
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      String eventId = ((org.camunda.bpm.model.bpmn.instance.BaseElement) timer.getParentElement()).getId();
      ModelElementInstance definition = firstNonNull(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle());
      if (definition == null || definition.getTextContent().isBlank()) {
        problems.add(new Problem(file, eventId, "the timer has no date, duration or cycle: set one (a variable such as"
            + " ${responseDueAt}; deadlines and waits come from complaint-desk.deadlines or the DMN)"));
        continue;
      }
      String text = definition.getTextContent().trim();
      if (isScheduleOfAProcess(timer, definition) && !text.contains("${") && !text.contains("#{")) {
        // how often a scheduled process runs is the model's own business, as a cycle such as R/PT1H
        String wrong = notADuration(text);
        if (wrong != null) {
          problems.add(new Problem(file, eventId, "the timer's cycle " + text + " " + wrong));
        }
        continue;
      }
      if (!text.contains("${") && !text.contains("#{")) {
        problems.add(new Problem(file, eventId, "the timer has the literal '" + text + "': deadlines and waits live in"
            + " one place (complaint-desk.deadlines in application.yaml, response times in complaint-response-time);"
            + " use the variable that carries it, e.g. ${surveyWait}"));
        continue;
      }
      Object value = evaluate(file, eventId, "timer", text, examples, problems);
      if (value == null) {
        continue;
      }
      String kind = definition == timer.getTimeDate() ? "date" : definition == timer.getTimeDuration() ? "duration" : "cycle";
      String wrong = kind.equals("date") ? notADate(value) : notADuration(value);
      if (wrong != null) {
        problems.add(new Problem(file, eventId, "the timer's " + kind + " " + text + " gives '" + value + "', which "
            + wrong));
      }
    }
  }

  private Object evaluate(String file, String elementId, String what, String expression, Map<String, Object> examples,
      List<Problem> problems) {
    if (expression == null || !(expression.contains("${") || expression.contains("#{"))) {
      return null;
    }
    var resolver = new SimpleResolver();
    var context = new SimpleContext(resolver);
    examples.forEach((name, value) -> resolver.setValue(context, null, name, value));
    resolver.setValue(context, null, "execution", new ExampleExecution(examples));
    try {
      return factory.createValueExpression(context, expression.trim(), Object.class).getValue(context);
    } catch (RuntimeException e) {
      problems.add(new Problem(file, elementId, "the " + what + " " + expression.trim() + " does not evaluate: "
          + Models.rootCause(e) + ". Use the variables of " + ProcessContract.FILE + " (spelling, case)"));
      return null;
    }
  }

  /** The cycle of a timer start event of a process (not of an event subprocess): when the process runs. */
  private static boolean isScheduleOfAProcess(TimerEventDefinition timer, ModelElementInstance definition) {
    return definition == timer.getTimeCycle() && timer.getParentElement() instanceof StartEvent start
        && start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process;
  }

  private static String notADate(Object value) {
    if (value instanceof Date) {
      return null;
    }
    try {
      OffsetDateTime.parse(value.toString());
      return null;
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime.parse(value.toString());
        return null;
      } catch (DateTimeParseException again) {
        return "is no date: use a variable of type date";
      }
    }
  }

  private static String notADuration(Object value) {
    try {
      new DurationHelper(value.toString());
      return value.toString().startsWith("P") || value.toString().startsWith("R") ? null
          : "is no ISO-8601 duration (e.g. P3D, PT8H)";
    } catch (Exception e) {
      return "is no ISO-8601 duration (e.g. P3D, PT8H): " + Models.rootCause(e);
    }
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... candidates) {
    for (T candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }

  /** Stands for the engine's execution in expressions such as ${execution.getVariable('askUser')}. */
  public static final class ExampleExecution {

    private final Map<String, Object> variables;

    ExampleExecution(Map<String, Object> variables) {
      this.variables = variables;
    }

    public Object getVariable(String name) {
      if (!variables.containsKey(name)) {
        throw new IllegalArgumentException("'" + name + "' is not a process variable of the contract");
      }
      return variables.get(name);
    }

    public String getProcessBusinessKey() {
      return String.valueOf(variables.get("trackingNumber"));
    }
  }
}
