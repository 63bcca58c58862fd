package com.complaintdesk.deadline;

import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The policy's deadlines as dates. */
@Component
public class Deadlines {

  private final DeadlineProperties properties;

  public Deadlines(DeadlineProperties properties) {
    this.properties = properties;
  }

  /** Logging is due a fixed time after the real receipt, not after the task was created. */
  public Instant loggingDueAt(Instant receivedAt) {
    return receivedAt.plus(properties.loggingWindow());
  }

  public ResponseDeadline responseDeadline(Instant departmentStart, Duration responseTime) {
    long reminderOffset = Math.round(responseTime.toMillis() * properties.reminderAtShare());
    return new ResponseDeadline(departmentStart.plus(responseTime), departmentStart.plusMillis(reminderOffset));
  }

  /** When the department's initial plan is due, and when its handler is reminded. */
  public record ResponseDeadline(Instant dueAt, Instant reminderAt) {
  }
}
