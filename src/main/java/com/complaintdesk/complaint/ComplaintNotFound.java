package com.complaintdesk.complaint;

/** No complaint for this tracking number and token: answered as 404 without detail. */
public class ComplaintNotFound extends RuntimeException {

  public ComplaintNotFound() {
    super("No such complaint", null, false, false);
  }
}
