package com.complaintdesk.notification;

import com.complaintdesk.complaint.ComplaintRepository;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Queues a message to staff. Input parameters: {@code template} (a {@link NotificationTemplate}),
 * {@code groups} (comma-separated group ids, may be empty) and {@code users} (comma-separated user ids,
 * may be empty), so a designer changes who is told in the model alone.
 */
@Component("notifyStaff")
public class NotifyStaff implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final NotificationOutbox outbox;

  public NotifyStaff(ComplaintRepository complaints, NotificationOutbox outbox) {
    this.complaints = complaints;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var template = NotificationTemplate.valueOf((String) execution.getVariableLocal("template"));
    var complaint = complaints.get(execution.getProcessBusinessKey());
    Map<String, Object> details = Map.of("activity", execution.getCurrentActivityName());
    outbox.toStaffGroups(complaint, StaffIds.of(execution.getVariableLocal("groups")), template, details);
    StaffIds.of(execution.getVariableLocal("users")).forEach(user -> outbox.toStaffUser(complaint, user, template, details));
  }

}
