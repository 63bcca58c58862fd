package com.complaintdesk.intake;

/** The Idempotency-Key already created a complaint from another request body: 422, the client needs a new key. */
public class IdempotencyKeyReused extends RuntimeException {

  IdempotencyKeyReused() {
    super("This Idempotency-Key was already used for a different complaint; use a new key for a new complaint.",
        null, false, false);
  }
}
