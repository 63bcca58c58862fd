package com.complaintdesk.complaint;

import java.util.Locale;

/**
 * A department that handles complaints, as processes/catalogue.yaml lists it; its handlers form a Camunda
 * group, its leads another, both named after the id.
 *
 * @param id the value of the variable {@code department}, e.g. {@code TECH_SUPPORT}
 * @param name what Admin calls it in the names of its groups, e.g. "Tech support"
 */
public record Department(String id, String name) {

  /** The group of the department's handlers, e.g. {@code tech-support}. */
  public String group() {
    return groupOf(id);
  }

  /** The group of the department's leads, e.g. {@code tech-support-leads}. */
  public String leadsGroup() {
    return leadsGroupOf(id);
  }

  /** Also for complaints of a department the catalogue no longer lists: their groups keep their names. */
  public static String groupOf(String departmentId) {
    return departmentId.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static String leadsGroupOf(String departmentId) {
    return groupOf(departmentId) + "-leads";
  }
}
