package com.complaintdesk.notification;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications that ran out of delivery attempts (state FAILED, the dead letters). Each one raises an incident
 * of type {@value #INCIDENT_TYPE} on its complaint's process instance, so Cockpit shows it beside the instance;
 * the process itself goes on. Staff retry it from the outbox page, which also resolves the incident.
 */
@Component
public class FailedNotifications {

  /** The incident type Cockpit shows. */
  public static final String INCIDENT_TYPE = "notificationFailed";

  private static final Logger log = LoggerFactory.getLogger(FailedNotifications.class);

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;

  FailedNotifications(JdbcClient jdbc, RuntimeService runtime, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.transactions = transactions;
  }

  /**
   * Puts a FAILED notification back in the queue: PENDING, due now, with a fresh set of attempts, and resolves
   * its incident. Its Message-ID stays, so a receiver that got it after all can tell. Whether the caller may do
   * this is the caller's decision (the staff page's); with an engine authentication set, resolving the incident
   * needs UPDATE on the process instance.
   *
   * @throws NoSuchElementException when there is no such notification
   * @throws IllegalStateException when it is not FAILED, or its recipient's address was erased
   */
  public void retry(long notificationId) {
    transactions.executeWithoutResult(status -> {
      var failed = jdbc.sql("select state, recipient, incident_id from notification where id = :id for update")
          .param("id", notificationId)
          .query((rs, row) -> new Failed(NotificationState.valueOf(rs.getString("state")), rs.getString("recipient"),
              rs.getString("incident_id")))
          .optional()
          .orElseThrow(() -> new NoSuchElementException("There is no notification " + notificationId + "."));
      if (failed.state() != NotificationState.FAILED) {
        throw new IllegalStateException("Notification " + notificationId + " is " + failed.state()
            + "; only a FAILED notification can be retried.");
      }
      if (NotificationOutbox.ERASED.equals(failed.recipient())) {
        throw new IllegalStateException("Notification " + notificationId
            + " cannot be retried: its recipient's contact details were erased.");
      }
      jdbc.sql("""
              update notification set state = :pending, attempts = 0, next_attempt_at = :now, incident_id = null
              where id = :id
              """)
          .param("pending", NotificationState.PENDING.name())
          .param("now", new Timestamp(ClockUtil.getCurrentTime().getTime()))
          .param("id", notificationId)
          .update();
      if (failed.incidentId() != null
          && runtime.createIncidentQuery().incidentId(failed.incidentId()).count() > 0) {
        runtime.resolveIncident(failed.incidentId());
      }
    });
    log.info("Notification {} queued again by staff", notificationId);
  }

  private record Failed(NotificationState state, String recipient, String incidentId) {
  }

  /**
   * Raises the incident of a notification that just became FAILED, in the caller's transaction, on its
   * complaint's process instance (where it waits now) if that still runs (a failed CLOSED message, say, finds it ended: then the
   * FAILED row in the staff outbox is all there is). The message names the notification, never its recipient.
   */
  void raiseIncident(Notification notification, int attempts) {
    String processInstanceId = notification.complaintId() == null ? null
        : jdbc.sql("select process_instance_id from complaint where id = :id")
            .param("id", notification.complaintId())
            .query(String.class)
            .optional()
            .orElse(null);
    String executionId = processInstanceId == null ? null : waitingExecution(processInstanceId).orElse(null);
    if (executionId == null) {
      return;
    }
    Incident incident = runtime.createIncident(INCIDENT_TYPE, executionId, String.valueOf(notification.id()),
        "Notification " + notification.id() + " (" + notification.template() + ", to " + describe(notification.recipientKind())
            + ") was not delivered after " + attempts + " attempts. Its last error is in the staff outbox, "
            + "where it can be retried once the cause is fixed.");
    jdbc.sql("update notification set incident_id = :incident where id = :id")
        .param("incident", incident.getId())
        .param("id", notification.id())
        .update();
  }

  /**
   * An execution of the instance that waits in an activity (an incident must sit at one): the instance's own
   * execution if it does, since it lasts as long as the instance, else the first one waiting in a subprocess.
   * The engine deletes an unresolved incident with its execution, when that subprocess ends; the FAILED row stays.
   */
  private Optional<String> waitingExecution(String processInstanceId) {
    ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
    if (tree == null) {
      return Optional.empty(); // the instance has ended
    }
    List<String> waiting = new ArrayList<>();
    collectWaiting(tree, waiting);
    return waiting.contains(processInstanceId) ? Optional.of(processInstanceId) : waiting.stream().findFirst();
  }

  private static void collectWaiting(ActivityInstance scope, List<String> executionIds) {
    for (TransitionInstance transition : scope.getChildTransitionInstances()) {
      executionIds.add(transition.getExecutionId());
    }
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
        executionIds.addAll(List.of(child.getExecutionIds()));
      } else {
        collectWaiting(child, executionIds);
      }
    }
  }

  private static String describe(RecipientKind kind) {
    return switch (kind) {
      case COMPLAINANT -> "the complainant";
      case STAFF_USER -> "a staff user";
      case STAFF_GROUP -> "a staff group";
    };
  }
}
