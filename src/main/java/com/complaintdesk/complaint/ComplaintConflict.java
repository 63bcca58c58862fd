package com.complaintdesk.complaint;

/** The complaint is not in a stage where this request makes sense (e.g. a second survey answer): 409. */
public class ComplaintConflict extends RuntimeException {

  public ComplaintConflict(String message) {
    super(message);
  }
}
