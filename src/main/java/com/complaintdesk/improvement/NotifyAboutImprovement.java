package com.complaintdesk.improvement;

import static com.complaintdesk.improvement.ImprovementVariables.*;

import com.complaintdesk.notification.NotificationOutbox;
import com.complaintdesk.notification.NotificationTemplate;
import com.complaintdesk.notification.StaffIds;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Queues a message to staff about an improvement action. Input parameters, as for the complaint's {@code notifyStaff}:
 * {@code template}, {@code groups} and {@code users} (comma-separated, may be empty), so a designer changes who is
 * told in the model alone. The message names the action's topic and, where set, its figures and due date.
 */
@Component("notifyAboutImprovement")
public class NotifyAboutImprovement implements JavaDelegate {

  private final NotificationOutbox outbox;

  public NotifyAboutImprovement(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var template = NotificationTemplate.valueOf((String) execution.getVariableLocal("template"));
    Map<String, Object> details = new HashMap<>();
    details.put("topic", execution.getVariable(TOPIC));
    details.put("department", execution.getVariable(DEPARTMENT));
    details.put("activity", execution.getCurrentActivityName());
    putIfSet(details, "recentCount", execution.getVariable(RECENT_COUNT));
    putIfSet(details, "weeklyAverage", execution.getVariable(WEEKLY_AVERAGE));
    putIfSet(details, "linkedComplaints", execution.getVariable(LINKED_COMPLAINTS));
    Object dueAt = execution.hasVariable(IMPROVEMENT_DUE_AT) ? execution.getVariable(IMPROVEMENT_DUE_AT)
        : execution.getVariable(PROPOSAL_DUE_AT);
    if (dueAt instanceof java.util.Date date) {
      details.put("dueAt", date.toInstant().toString());
    }
    outbox.toStaff(execution.getProcessBusinessKey(), StaffIds.of(execution.getVariableLocal("groups")),
        StaffIds.of(execution.getVariableLocal("users")), template, details);
  }

  private static void putIfSet(Map<String, Object> details, String key, Object value) {
    if (value != null) {
      details.put(key, value);
    }
  }

}
