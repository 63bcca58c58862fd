package com.complaintdesk.config;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * The request body is larger than the JSON API reads: 413. An {@link ErrorResponseException}, so that Spring
 * MVC answers it with its problem detail when it is thrown while a controller's body is read.
 */
public class RequestBodyTooLarge extends ErrorResponseException {

  public RequestBodyTooLarge(DataSize limit) {
    super(HttpStatus.PAYLOAD_TOO_LARGE, problem(limit), null);
  }

  private static ProblemDetail problem(DataSize limit) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "The request body may be at most " + readable(limit) + " (" + limit.toBytes() + " bytes).");
    problem.setTitle("Request body too large");
    problem.setProperty("maxBytes", limit.toBytes());
    return problem;
  }

  /** The limit as people write it: 64 KB, 1 MB, or bytes if neither fits. */
  static String readable(DataSize limit) {
    long bytes = limit.toBytes();
    if (bytes % (1024 * 1024) == 0) {
      return limit.toMegabytes() + " MB";
    }
    return bytes % 1024 == 0 ? limit.toKilobytes() + " KB" : bytes + " bytes";
  }
}
