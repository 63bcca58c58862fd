package com.complaintdesk.handling;

import static com.complaintdesk.complaint.ComplaintVariables.DEPARTMENT;
import static com.complaintdesk.complaint.ComplaintVariables.HANDLER_OPTIONS;

import com.complaintdesk.complaint.Department;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Offers the lead the members of the department to choose from, as a JSON task variable the
 * "Assign handler" form lists (user ids and names of staff, nothing of the complainant).
 */
@Component("offerDepartmentHandlers")
public class OfferDepartmentHandlers implements TaskListener {

  private final IdentityService identityService;
  private final ObjectMapper json;

  public OfferDepartmentHandlers(IdentityService identityService, ObjectMapper json) {
    this.identityService = identityService;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    String group = Department.groupOf((String) task.getVariable(DEPARTMENT));
    List<Map<String, String>> options = identityService.createUserQuery()
        .memberOfGroup(group)
        .orderByUserId().asc()
        .list().stream()
        .map(user -> Map.of("value", user.getId(), "label", label(user)))
        .toList();
    task.setVariableLocal(HANDLER_OPTIONS, SpinValues.jsonValue(write(options)).create());
  }

  private static String label(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
  }

  private String write(List<Map<String, String>> options) {
    try {
      return json.writeValueAsString(options);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the handler options as JSON", e);
    }
  }
}
