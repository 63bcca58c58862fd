package com.complaintdesk.improvement;

import static com.complaintdesk.improvement.ImprovementVariables.*;

import com.complaintdesk.complaint.Department;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts improvement actions: the row that tracks it, its links to the complaints it is about, and its process
 * instance, in one transaction (the process's first step is asynchronous, so a failing mail server never loses one).
 */
@Service
public class ImprovementActions {

  private final ImprovementActionRepository actions;
  private final RuntimeService runtime;
  private final ImprovementProperties properties;

  ImprovementActions(ImprovementActionRepository actions, RuntimeService runtime, ImprovementProperties properties) {
    this.actions = actions;
    this.runtime = runtime;
    this.properties = properties;
  }

  /**
   * What an action is about when it starts.
   *
   * @param alert the hot-topic alert that started it; null when a manager did
   */
  public record Start(Topic topic, String department, List<Long> complaintIds, String startedBy, Alert alert) {

    public Start {
      complaintIds = List.copyOf(complaintIds);
    }
  }

  /** The alert (row of hot_topic) behind an action: its figures go to the leads, the owner and the verifying manager. */
  public record Alert(long hotTopicId, int recentCount, double weeklyAverage) {
  }

  @Transactional
  public ImprovementAction start(Start start, Instant now) {
    long id = actions.insert(start.topic(), start.department(), start.alert() == null ? null : start.alert().hotTopicId(),
        start.startedBy(), now);
    actions.link(id, start.complaintIds());
    VariableMap variables = Variables.createVariables()
        .putValue(IMPROVEMENT_ID, id)
        .putValue(TOPIC, start.topic().label())
        .putValue(CATEGORY, start.topic().category())
        .putValue(KEYWORD, start.topic().keyword())
        .putValue(DEPARTMENT, start.department())
        .putValue(DEPARTMENT_GROUP, Department.groupOf(start.department()))
        .putValue(FROM_HOT_TOPIC, start.alert() != null)
        .putValue(RECENT_COUNT, start.alert() == null ? null : start.alert().recentCount())
        .putValue(WEEKLY_AVERAGE, start.alert() == null ? null : start.alert().weeklyAverage())
        .putValue(LINKED_COMPLAINTS, start.complaintIds().size())
        .putValue(PROPOSAL_DUE_AT, Date.from(now.plus(properties.proposalTime())))
        .putValue(OBSERVATION_PERIOD, properties.observationPeriod().toString());
    String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, ImprovementAction.referenceOf(id),
        variables).getProcessInstanceId();
    actions.recordProcessInstance(id, processInstanceId);
    return actions.get(id);
  }
}
