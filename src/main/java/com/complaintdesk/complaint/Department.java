package com.complaintdesk.complaint;

import java.util.Locale;

/** A department that handles complaints; its members form a Camunda group, its leads another. */
public enum Department {
  PRODUCT, DESIGN, TECH_SUPPORT, LEGAL, CUSTOMER_SERVICE;

  /** The group of the department's handlers, e.g. {@code tech-support}. */
  public String group() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The group of the department's leads, e.g. {@code tech-support-leads}. */
  public String leadsGroup() {
    return group() + "-leads";
  }
}
