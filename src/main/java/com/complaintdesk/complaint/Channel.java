package com.complaintdesk.complaint;

/** Where a complaint came in. Web form and app submit full data; the others are captured by staff. */
public enum Channel {
  WEB_FORM, APP, EMAIL, HOTLINE, SOCIAL_MEDIA, SURVEY;

  /** Staff-captured complaints wait in the "Log complaint" task; self-service ones are logged at once. */
  public boolean isCapturedByStaff() {
    return this != WEB_FORM && this != APP;
  }
}
