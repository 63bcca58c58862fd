package com.complaintdesk.audit;

import com.complaintdesk.complaint.TimelineEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Merges what our tables and the engine's history recorded of a complaint into one list in time order: the
 * timeline, the decisions, the user tasks (at the time they ended, or since when they wait) and the messages.
 * Each source comes in its own order; the sort is stable, so within one instant each keeps it.
 */
@Component
class Chronology {

  List<Step> of(List<TimelineEvent> timeline, List<ComplaintNotifications.SentNotification> notifications,
      ProcessHistory history) {
    var steps = new ArrayList<Step>();
    timeline.forEach(event -> steps.add(step(event)));
    history.decisions().forEach(decision -> steps.add(step(decision)));
    history.tasks().forEach(task -> steps.add(step(task)));
    notifications.forEach(notification -> steps.add(step(notification)));
    steps.sort(Comparator.comparing(Step::at).thenComparing(Step::kind));
    return steps;
  }

  private static Step step(TimelineEvent event) {
    String title = Wording.words(event.type().name())
        + (event.status() == null ? "" : " (status " + event.status() + ")");
    return new Step(event.occurredAt(), Step.Kind.EVENT, title, event.actor(), event.detail(), !event.type().isPublic(),
        event.type().isDeadlineBreach(), null, null);
  }

  private static Step step(ProcessHistory.EvaluatedDecision decision) {
    String title = (decision.name() == null ? decision.key() : decision.name()) + " decided";
    return new Step(decision.evaluatedAt(), Step.Kind.DECISION, title, "rules",
        "decision " + decision.key() + ", called by " + decision.calledBy(), false, false, decision, null);
  }

  private static Step step(ProcessHistory.UserTaskRun task) {
    String offered = task.candidateGroups().isEmpty() ? ""
        : "offered to " + task.candidateGroups().stream().collect(Collectors.joining(", ")) + "; ";
    if (task.open()) {
      String assigned = task.assignee() == null ? "nobody has it yet" : "assigned to " + task.assignee();
      return new Step(task.createdAt(), Step.Kind.WAITING, task.name() + " waiting", null, offered + assigned, false,
          false, null, null);
    }
    String title = task.name()
        + (task.completed() ? " completed" : " ended without completion (" + task.endReason() + ")");
    String actor = task.completedBy() != null ? task.completedBy() : task.assignee();
    String detail = offered + "created " + Wording.time(task.createdAt()) + ", open for " + task.openFor()
        + (task.assignee() == null ? "" : "; assignee " + task.assignee());
    return new Step(task.endedAt(), Step.Kind.TASK, title, actor, detail, false, false, null, null);
  }

  private static Step step(ComplaintNotifications.SentNotification message) {
    String delivery = switch (message.state()) {
      case "SENT" -> "sent " + Wording.time(message.sentAt());
      case "FAILED" -> "failed after " + message.attempts() + " attempt(s)";
      default -> message.attempts() == 0 ? "not sent yet"
          : "not sent yet, " + message.attempts() + " failed attempt(s)";
    };
    String detail = "to " + message.recipientLabel() + "; " + delivery;
    return new Step(message.createdAt(), Step.Kind.MESSAGE, message.templateLabel() + " queued", "system", detail,
        false, false, null, message.id());
  }
}
