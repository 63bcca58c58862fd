package com.complaintdesk.analytics;

/** A dashboard filter that cannot be applied; answered with 400 and this message. */
public class InvalidDashboardFilter extends RuntimeException {

  public InvalidDashboardFilter(String message) {
    super("Filter: " + message + ".");
  }
}
