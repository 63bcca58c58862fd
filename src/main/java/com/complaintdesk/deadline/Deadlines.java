package com.complaintdesk.deadline;

import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The policy's deadlines as dates, counted in working time when the business calendar is on (see
 * {@link WorkingTime}), on the plain clock otherwise. The waits for the user (survey, answer) are not deadlines
 * of ours and stay plain durations.
 */
@Component
public class Deadlines {

  private final DeadlineProperties properties;
  private final WorkingTime workingTime;

  public Deadlines(DeadlineProperties properties) {
    this.properties = properties;
    this.workingTime = WorkingTime.of(properties.businessCalendar());
  }

  /** Logging is due a fixed time after the real receipt, not after the task was created. */
  public Instant loggingDueAt(Instant receivedAt) {
    return workingTime.after(receivedAt, workingTime.of(properties.loggingWindow()));
  }

  public ResponseDeadline responseDeadline(Instant departmentStart, Duration responseTime) {
    Duration work = workingTime.of(responseTime);
    Duration untilReminder = Duration.ofMillis(Math.round(work.toMillis() * properties.reminderAtShare()));
    return new ResponseDeadline(workingTime.after(departmentStart, work),
        workingTime.after(departmentStart, untilReminder));
  }

  /**
   * Where a deadline stands after it stood still from pausedSince to resumedAt: as much working time ahead of it as
   * it had when the pause began. One that had passed by then keeps its distance in plain time.
   */
  public Instant resumed(Instant dueAt, Instant pausedSince, Instant resumedAt) {
    Duration left = workingTime.between(pausedSince, dueAt);
    if (left.isZero() || left.isNegative()) {
      return dueAt.plus(Duration.between(pausedSince, resumedAt));
    }
    return workingTime.after(resumedAt, left);
  }

  /** When the department's initial plan is due, and when its handler is reminded. */
  public record ResponseDeadline(Instant dueAt, Instant reminderAt) {
  }
}
