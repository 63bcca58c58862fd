package com.complaintdesk.intake;

/**
 * The first request with this Idempotency-Key (or the first delivery of a webhook message) is still being
 * processed and has not committed: 409, to be retried in a moment with the same key, which then returns that
 * first request's answer.
 */
public class SubmissionInProgress extends RuntimeException {

  SubmissionInProgress(Throwable lockTimeout) {
    super("A request with this Idempotency-Key is still being processed; retry in a moment with the same key.",
        lockTimeout);
  }

  public SubmissionInProgress(String message, Throwable lockTimeout) {
    super(message, lockTimeout);
  }
}
