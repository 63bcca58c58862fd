package com.complaintdesk.security;

import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.complaint.Department;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Set;

/** The Camunda groups of the product contract, with the names Admin shows. */
public final class StaffGroups {

  public static final String INTAKE = "intake";
  public static final String INTAKE_SUPERVISORS = "intake-supervisors";
  public static final String TRIAGE = "triage";
  /** The customer service department's group; it also takes the follow-up calls. */
  public static final String CUSTOMER_SERVICE = Department.groupOf("CUSTOMER_SERVICE");
  public static final String COMPLAINT_MANAGERS = "complaint-managers";
  public static final String AUDITORS = "auditors";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** A department of the catalogue must not take over one of these by its name. */
  private static final Set<String> ROLE_GROUPS =
      Set.of(INTAKE, INTAKE_SUPERVISORS, TRIAGE, COMPLAINT_MANAGERS, AUDITORS, CAMUNDA_ADMIN);

  public record StaffGroup(String id, String name) {
  }

  private StaffGroups() {
  }

  /** Every group except camunda-admin, which the engine's admin-user set-up owns: the roles' and the catalogue's departments'. */
  public static List<StaffGroup> all(Catalogue catalogue) {
    var groups = new ArrayList<>(List.of(
        new StaffGroup(INTAKE, "Intake agents"),
        new StaffGroup(INTAKE_SUPERVISORS, "Intake supervisors"),
        new StaffGroup(TRIAGE, "Triage reviewers"),
        new StaffGroup(COMPLAINT_MANAGERS, "Complaint managers"),
        new StaffGroup(AUDITORS, "Auditors")));
    for (Department department : catalogue.departments()) {
      for (String group : List.of(department.group(), department.leadsGroup())) {
        if (ROLE_GROUPS.contains(group)) {
          throw new IllegalStateException("The department " + department.id() + " of the catalogue would take over the"
              + " group " + group + " of another role: give it another id in processes/catalogue.yaml");
        }
      }
      groups.add(new StaffGroup(department.group(), department.name() + " handlers"));
      groups.add(new StaffGroup(department.leadsGroup(), department.name() + " leads"));
    }
    // The follow-up calls need their group even in a catalogue without a customer service department.
    if (groups.stream().noneMatch(group -> group.id().equals(CUSTOMER_SERVICE))) {
      groups.add(new StaffGroup(CUSTOMER_SERVICE, "Customer service"));
    }
    return groups;
  }

  /** Groups whose members read every complaint (Cockpit, history), but change nothing outside their own tasks. */
  public static List<String> readers() {
    return List.of(AUDITORS, COMPLAINT_MANAGERS);
  }

  /** The readers and the administrators: who opens the dashboard, the audit and the outbox. */
  public static List<String> readersAndAdmins() {
    return Stream.concat(readers().stream(), Stream.of(CAMUNDA_ADMIN)).toList();
  }

  /** Groups whose members may send a notification that failed for good once more (the outbox page). */
  public static List<String> notificationRetriers() {
    return List.of(COMPLAINT_MANAGERS, CAMUNDA_ADMIN);
  }

  /** Groups that work in Tasklist: all but the auditors, who read in Cockpit and change nothing. */
  public static List<String> taskWorkers(Catalogue catalogue) {
    return all(catalogue).stream().map(StaffGroup::id).filter(id -> !id.equals(AUDITORS)).toList();
  }
}
