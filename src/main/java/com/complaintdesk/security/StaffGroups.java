package com.complaintdesk.security;

import com.complaintdesk.complaint.Department;
import java.util.ArrayList;
import java.util.List;

/** The Camunda groups of the product contract, with the names Admin shows. */
public final class StaffGroups {

  public static final String INTAKE = "intake";
  public static final String INTAKE_SUPERVISORS = "intake-supervisors";
  public static final String TRIAGE = "triage";
  /** The customer service department's group; it also takes the follow-up calls. */
  public static final String CUSTOMER_SERVICE = Department.CUSTOMER_SERVICE.group();
  public static final String COMPLAINT_MANAGERS = "complaint-managers";
  public static final String AUDITORS = "auditors";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  public record StaffGroup(String id, String name) {
  }

  private StaffGroups() {
  }

  /** Every group except camunda-admin, which the engine's admin-user set-up owns. */
  public static List<StaffGroup> all() {
    var groups = new ArrayList<>(List.of(
        new StaffGroup(INTAKE, "Intake agents"),
        new StaffGroup(INTAKE_SUPERVISORS, "Intake supervisors"),
        new StaffGroup(TRIAGE, "Triage reviewers"),
        new StaffGroup(COMPLAINT_MANAGERS, "Complaint managers"),
        new StaffGroup(AUDITORS, "Auditors")));
    for (Department department : Department.values()) {
      String name = departmentName(department);
      groups.add(new StaffGroup(department.group(), name + " handlers"));
      groups.add(new StaffGroup(department.leadsGroup(), name + " leads"));
    }
    return groups;
  }

  /** Groups whose members read every complaint (Cockpit, history), but change nothing outside their own tasks. */
  public static List<String> readers() {
    return List.of(AUDITORS, COMPLAINT_MANAGERS);
  }

  /** Groups whose members may send a notification that failed for good once more (the outbox page). */
  public static List<String> notificationRetriers() {
    return List.of(COMPLAINT_MANAGERS, CAMUNDA_ADMIN);
  }

  /** Groups that work in Tasklist: all but the auditors, who read in Cockpit and change nothing. */
  public static List<String> taskWorkers() {
    return all().stream().map(StaffGroup::id).filter(id -> !id.equals(AUDITORS)).toList();
  }

  private static String departmentName(Department department) {
    String words = department.name().replace('_', ' ').toLowerCase();
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
