package com.complaintdesk.modelcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Every delegate expression (service tasks, task and execution listeners) names a Spring bean of the app. The
 * beans are found the way Spring finds them, by scanning the compiled classes, without starting Spring.
 */
final class DelegateBeanRule implements ModelRule {

  private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_$][\\w$]*)");

  private final Set<String> beans;

  DelegateBeanRule() {
    this(ApplicationBeans.byName().keySet());
  }

  DelegateBeanRule(Set<String> beans) {
    this.beans = beans;
  }

  @Override
  public List<Problem> check(Models models) {
    List<Problem> problems = new ArrayList<>();
    models.bpmn.forEach((file, model) -> delegateExpressions(model).forEach(use -> {
      Matcher bean = BEAN.matcher(use.expression());
      if (!bean.lookingAt()) {
        problems.add(new Problem(file, use.elementId(), "the delegate expression '" + use.expression()
            + "' must name a bean as ${beanName}: choose the element template instead of typing it"));
      } else if (!beans.contains(bean.group(1))) {
        problems.add(new Problem(file, use.elementId(), "the delegate expression '" + use.expression()
            + "' names no bean of the app" + suggestion(bean.group(1)) + ": choose the element template (README) or"
            + " fix the spelling; a new bean needs a Java developer"));
      }
    }));
    return problems;
  }

  record DelegateUse(String elementId, String expression) {
  }

  static List<DelegateUse> delegateExpressions(BpmnModelInstance model) {
    List<DelegateUse> uses = new ArrayList<>();
    model.getModelElementsByType(ServiceTask.class)
        .forEach(task -> add(uses, task.getId(), task.getCamundaDelegateExpression()));
    model.getModelElementsByType(SendTask.class)
        .forEach(task -> add(uses, task.getId(), task.getCamundaDelegateExpression()));
    model.getModelElementsByType(BusinessRuleTask.class)
        .forEach(task -> add(uses, task.getId(), task.getCamundaDelegateExpression()));
    model.getModelElementsByType(MessageEventDefinition.class)
        .forEach(definition -> add(uses, owner(definition), definition.getCamundaDelegateExpression()));
    model.getModelElementsByType(CamundaTaskListener.class)
        .forEach(listener -> add(uses, owner(listener), listener.getCamundaDelegateExpression()));
    model.getModelElementsByType(CamundaExecutionListener.class)
        .forEach(listener -> add(uses, owner(listener), listener.getCamundaDelegateExpression()));
    return uses;
  }

  private static void add(List<DelegateUse> uses, String elementId, String expression) {
    if (expression != null) {
      uses.add(new DelegateUse(elementId, expression.trim()));
    }
  }

  /** The id of the BPMN element an extension or event definition belongs to. */
  static String owner(ModelElementInstance element) {
    for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent instanceof BaseElement base && base.getId() != null) {
        return base.getId();
      }
    }
    return null;
  }

  private String suggestion(String name) {
    return beans.stream().min(Comparator.comparingInt(bean -> distance(bean.toLowerCase(), name.toLowerCase())))
        .filter(bean -> distance(bean.toLowerCase(), name.toLowerCase()) <= 3)
        .map(bean -> " (did you mean '" + bean + "'?)").orElse("");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
