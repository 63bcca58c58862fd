package com.complaintdesk.improvement;

import com.complaintdesk.complaint.Catalogue;
import java.time.Instant;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hot-topic watch (processes/hot-topic-watch.bpmn, on its timer, so on one node of a cluster at a time): counts
 * the complaints of every category, and of every keyword within a category, in the last window against the windows
 * before; asks hot-topic-alert.dmn about each topic that rose; and for each alert records it and starts an
 * improvement action, unless the topic already has one open or alerted within the last window. Sets
 * {@code hotTopicsFound}.
 */
@Component("findHotTopics")
public class FindHotTopics implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(FindHotTopics.class);

  private final TopicCounts counts;
  private final HotTopicRule rule;
  private final HotTopics hotTopics;
  private final ImprovementActionRepository actions;
  private final ImprovementActions improvements;
  private final ImprovementProperties properties;
  private final Catalogue catalogue;

  public FindHotTopics(TopicCounts counts, HotTopicRule rule, HotTopics hotTopics, ImprovementActionRepository actions,
      ImprovementActions improvements, ImprovementProperties properties, Catalogue catalogue) {
    this.counts = counts;
    this.rule = rule;
    this.hotTopics = hotTopics;
    this.actions = actions;
    this.improvements = improvements;
    this.properties = properties;
    this.catalogue = catalogue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant windowFrom = now.minus(properties.window());
    hotTopics.lockWatch(now);
    Predicate<TopicCount> isAlert = rule.current();
    int found = 0;
    for (TopicCount count : counts.rising(windowFrom, now, properties.baselineWeeks())) {
      if (isAlert.test(count) && isNew(count.topic(), windowFrom)) {
        alert(count, windowFrom, now);
        found++;
      }
    }
    execution.setVariable("hotTopicsFound", found);
  }

  private boolean isNew(Topic topic, Instant windowFrom) {
    return actions.openFor(topic).isEmpty() && !hotTopics.alertedSince(topic, windowFrom);
  }

  private void alert(TopicCount count, Instant windowFrom, Instant now) {
    Topic topic = count.topic();
    long hotTopicId = hotTopics.record(count, windowFrom, now);
    String department = counts.usualDepartment(topic, windowFrom.minus(properties.baseline()), now)
        .orElseGet(() -> catalogue.departments().get(0).id());
    var action = improvements.start(new ImprovementActions.Start(topic, department,
        counts.complaints(topic, windowFrom, now, properties.linkedComplaints()), ImprovementAction.BY_HOT_TOPIC_WATCH,
        new ImprovementActions.HotTopic(hotTopicId, count.recent(), count.weeklyAverage().doubleValue())), now);
    hotTopics.linkAction(hotTopicId, action.id());
    log.info("Hot topic {}: {} complaints in the last {} against {} a window before; started {} for {}",
        topic.label(), count.recent(), properties.window(), count.weeklyAverage(), action.reference(), department);
  }
}
