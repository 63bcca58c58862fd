package com.complaintdesk.demo;

import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.complaint.Department;
import com.complaintdesk.security.StaffGroups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of the embedded default, one per role, password "demo" ({@code admin} comes from the
 * engine's admin-user set-up). Never created unless {@code complaint-desk.demo.enabled} is true.
 */
@Component
@ConditionalOnProperty(name = "complaint-desk.demo.enabled", havingValue = "true")
@Order(10)
public class DemoUsers extends AbstractCamundaConfiguration {

  static final String PASSWORD = "demo";

  private final Catalogue catalogue;

  public DemoUsers(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {
  }

  /** A lead and a handler for every department of the catalogue, named after its group (lead-design). */
  static List<DemoUser> all(Catalogue catalogue) {
    var users = new ArrayList<>(List.of(
        new DemoUser("agent", "Ines", "Intake", List.of(StaffGroups.INTAKE)),
        new DemoUser("supervisor", "Sam", "Supervisor", List.of(StaffGroups.INTAKE_SUPERVISORS)),
        new DemoUser("triager", "Tara", "Triage", List.of(StaffGroups.TRIAGE)),
        new DemoUser("manager", "Mia", "Manager", List.of(StaffGroups.COMPLAINT_MANAGERS)),
        new DemoUser("auditor", "Aldo", "Auditor", List.of(StaffGroups.AUDITORS))));
    for (Department department : catalogue.departments()) {
      // the names the product contract gave these two before the catalogue
      String suffix = switch (department.id()) {
        case "TECH_SUPPORT" -> "tech";
        case "CUSTOMER_SERVICE" -> "cs";
        default -> department.group();
      };
      String name = department.group().replace('-', ' ');
      users.add(new DemoUser("lead-" + suffix, "Lead", name, List.of(department.leadsGroup())));
      // handler-cs is in customer-service, the group of the follow-up calls too
      users.add(new DemoUser("handler-" + suffix, "Handler", name, List.of(department.group())));
    }
    return users;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (DemoUser demo : all(catalogue)) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        var user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@complaint-desk.test");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
      }
    }
  }
}
