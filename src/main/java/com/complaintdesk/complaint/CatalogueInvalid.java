package com.complaintdesk.complaint;

/** The catalogue file cannot be used as it is; the message names the file and the entry to fix. */
public class CatalogueInvalid extends RuntimeException {

  private final String source;

  CatalogueInvalid(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
  }

  /** The file, as the app was told where to find it. */
  public String source() {
    return source;
  }
}
