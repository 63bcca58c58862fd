package com.complaintdesk.improvement;

import com.complaintdesk.complaint.Catalogue;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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
 * improvement action, unless the topic is already under way (see {@link #isNew}). Sets
 * {@code hotTopicsFound}.
 */
@Component("findHotTopics")
public class FindHotTopics implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(FindHotTopics.class);
  /** The steepest rise first; among equals the larger, a keyword before its whole category, then by name. */
  private static final Comparator<TopicCount> STRONGEST_FIRST = Comparator.comparing(TopicCount::rise).reversed()
      .thenComparing(Comparator.comparingInt(TopicCount::recent).reversed())
      .thenComparing(count -> count.topic().wholeCategory())
      .thenComparing(count -> count.topic().category())
      .thenComparing(count -> String.valueOf(count.topic().keyword()));

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
    List<TopicCount> alerts = counts.rising(windowFrom, now, properties.baselineWeeks()).stream().filter(isAlert)
        .sorted(STRONGEST_FIRST).toList();
    int found = 0;
    for (TopicCount count : alerts) {
      if (isNew(count, windowFrom, now)) {
        alert(count, windowFrom, now);
        found++;
      }
    }
    execution.setVariable("hotTopicsFound", found);
  }

  /**
   * Not yet under way: no open action for the topic, no alert for it in the window, and most of its complaints not
   * already in an open action. The words of one burst rise together ("verification", "code", "sms"): the strongest
   * alerts, and the others, whose complaints it took on, do not.
   */
  private boolean isNew(TopicCount count, Instant windowFrom, Instant now) {
    Topic topic = count.topic();
    return actions.openFor(topic).isEmpty() && !hotTopics.alertedSince(topic, windowFrom)
        && counts.underWay(topic, windowFrom, now) * 2 < count.recent();
  }

  private void alert(TopicCount count, Instant windowFrom, Instant now) {
    Topic topic = count.topic();
    long hotTopicId = hotTopics.record(count, windowFrom, now);
    String department = counts.usualDepartment(topic, windowFrom.minus(properties.baseline()), now)
        .orElseGet(() -> catalogue.departments().get(0).id());
    var action = improvements.start(new ImprovementActions.Start(topic, department,
        counts.complaints(topic, windowFrom, now, properties.linkedComplaints()), ImprovementAction.BY_HOT_TOPIC_WATCH,
        new ImprovementActions.Alert(hotTopicId, count.recent(), count.weeklyAverage().doubleValue())), now);
    hotTopics.linkAction(hotTopicId, action.id());
    log.info("Hot topic {} in {}: {} complaints in the last {} against {} a window before; started {} for {}",
        hotTopicId, topic.category(), count.recent(), properties.window(), count.weeklyAverage(), action.reference(),
        department);
  }
}
