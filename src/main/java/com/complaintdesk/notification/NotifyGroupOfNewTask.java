package com.complaintdesk.notification;

import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a group's members that a task waits in their queue, for every user task of the process that starts
 * unassigned with candidate groups: no listener in the model, so a designer adding a group task gets the notice
 * too. The engine publishes the task event inside its transaction, so the notice is queued exactly when the
 * task exists. Off with {@code complaint-desk.notifications.new-group-task=false}.
 */
@Component
class NotifyGroupOfNewTask {

  private final ComplaintRepository complaints;
  private final NotificationOutbox outbox;
  private final boolean enabled;

  NotifyGroupOfNewTask(ComplaintRepository complaints, NotificationOutbox outbox,
      NotificationProperties properties) {
    this.complaints = complaints;
    this.outbox = outbox;
    this.enabled = properties.newGroupTask();
  }

  /** The engine publishes the tasks of every process; only complaint-handling's belong to a complaint. */
  private static boolean ofAComplaint(DelegateTask task) {
    return task.getProcessDefinitionId() != null
        && task.getProcessDefinitionId().startsWith(ComplaintVariables.PROCESS_KEY + ":");
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void taskCreated(DelegateTask task) {
    if (!enabled || task.getAssignee() != null || task.getExecution() == null || !ofAComplaint(task)) {
      return;
    }
    List<String> groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .distinct()
        .toList();
    String trackingNumber = task.getExecution().getProcessBusinessKey();
    if (groups.isEmpty() || trackingNumber == null) {
      return;
    }
    outbox.toStaffGroups(complaints.get(trackingNumber), groups, NotificationTemplate.NEW_GROUP_TASK,
        Map.of("taskName", task.getName(),
            "tasklistUrl", outbox.tasklistUrl(task.getId())));
  }
}
