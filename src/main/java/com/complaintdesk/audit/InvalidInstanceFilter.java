package com.complaintdesk.audit;

/** A query parameter of the History tab that cannot be read; the message says which and what is allowed. */
class InvalidInstanceFilter extends RuntimeException {

  InvalidInstanceFilter(String message) {
    super(message, null, false, false);
  }
}
