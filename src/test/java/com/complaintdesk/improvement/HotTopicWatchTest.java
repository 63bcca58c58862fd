package com.complaintdesk.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.PageBrowser;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.intake.PublicStatusReader;
import com.complaintdesk.intake.PublicStatusView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hot-topic watch on its timer: a burst of complaints about one keyword starts one alert and one improvement
 * action, also when two watches run at the same moment (two nodes); a steady rate starts none; a topic already under
 * way is not alerted again. Each test has a keyword of its own, since the engine and its complaints are shared.
 */
@ComplaintDeskTest
class HotTopicWatchTest {

  private static final Instant NOW = Instant.parse("2026-10-20T10:00:00Z");

  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired FindHotTopics findHotTopics;
  @Autowired ImprovementActionRepository actions;
  @Autowired PublicStatusReader statusPages;
  @Autowired StartImprovementByManager byManager;
  @LocalServerPort int port;

  @Test
  void aBurstAboutOneKeywordStartsOneAlertAndOneImprovementAction() throws Exception {
    String keyword = keyword();
    String companion = keyword();
    List<Complaint> burst = complaintsAbout(keyword + " " + companion, 24, NOW.minus(Duration.ofDays(5)),
        Duration.ofHours(4));
    complaintsAbout(keyword, 2, NOW.minus(Duration.ofDays(20)), Duration.ofDays(3));

    runTheWatchAt(NOW);

    var alerts = new ArrayList<>(alertsAbout(keyword));
    alerts.addAll(alertsAbout(companion));
    assertThat(alerts).as("one alert for the two words that rose together: the second one's complaints were already"
        + " under way").hasSize(1);
    assertThat(alerts.get(0)).containsEntry("recent_count", 24);
    var action = actions.get(((Number) alerts.get(0).get("improvement_action_id")).longValue());
    assertThat(action.topic().category()).isEqualTo("FUNCTIONAL");
    assertThat(action.topic().keyword()).isIn(keyword, companion);
    assertThat(action.department()).as("the department that handles these complaints")
        .isEqualTo(driver.reload(burst.get(0)).department());
    assertThat(actions.linkedComplaints(action.id())).containsExactlyInAnyOrderElementsOf(
        burst.stream().map(Complaint::id).toList());
    var instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(action.reference()).singleResult();
    assertThat(instance).as("the improvement action's process").isNotNull();
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsEntry("fromHotTopic", true)
        .containsEntry("recentCount", 24).containsEntry("linkedComplaints", 24);

    assertThat(statusPages.of(driver.reload(burst.get(3))).improvement()).as("the complainant's status")
        .isEqualTo(PublicStatusView.Improvement.UNDER_WAY);
    var linked = driver.reload(burst.get(3));
    var pages = new PageBrowser(port);
    assertThat(pages.get("/complaints/" + linked.trackingNumber() + "?token=" + linked.accessToken(), "en").body())
        .contains("an improvement is under way");
    assertThat(pages.get("/complaints/" + linked.trackingNumber() + "?token=" + linked.accessToken(), "zh-CN").body())
        .contains("改进正在进行中");

    runTheWatchAt(NOW.plus(Duration.ofHours(1)));
    assertThat(alertsAbout(keyword).size() + alertsAbout(companion).size()).as("the same rise an hour later")
        .isEqualTo(1);
  }

  @Test
  void twoWatchesAtTheSameMomentStartOneAction() throws Exception {
    String keyword = keyword();
    complaintsAbout(keyword, 22, NOW.minus(Duration.ofDays(3)), Duration.ofHours(3));
    ClockUtil.setCurrentTime(Date.from(NOW));
    List<String> instances = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      instances.add(engine.getRuntimeService().startProcessInstanceByKey("hot-topic-watch").getId());
    }
    var barrier = new CyclicBarrier(2);
    var runs = instances.stream().map(id -> CompletableFuture.runAsync(() -> {
      Job job = engine.getManagementService().createJobQuery().processInstanceId(id).singleResult();
      await(barrier);
      engine.getManagementService().executeJob(job.getId());
    })).toList();
    for (var run : runs) {
      run.get();
    }

    assertThat(alertsAbout(keyword)).hasSize(1);
    assertThat(jdbc.sql("select count(*) from improvement_action where keyword = :keyword").param("keyword", keyword)
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void aSteadyRateStartsNoAlert() {
    String keyword = keyword();
    // five a week for five weeks
    complaintsAbout(keyword, 25, NOW.minus(Duration.ofDays(35)), Duration.ofHours(33));

    runTheWatchAt(NOW);

    assertThat(alertsAbout(keyword)).isEmpty();
  }

  @Test
  void aManagersActionForAKeywordIsAboutItsComplaintsOfTheLastWeek() {
    String keyword = keyword();
    complaintsAbout(keyword, 2, NOW.minus(Duration.ofDays(20)), Duration.ofDays(1));
    List<Complaint> recent = complaintsAbout(keyword, 3, NOW.minus(Duration.ofDays(2)), Duration.ofHours(5));

    var action = byManager.start(new StartImprovementByManager.Request("FUNCTIONAL", keyword, "TECH_SUPPORT", null),
        "manager", NOW);

    assertThat(actions.linkedComplaints(action.id()))
        .containsExactlyInAnyOrderElementsOf(recent.stream().map(Complaint::id).toList());
  }

  @Test
  void theTimerStartsTheWatchEveryHour() {
    var timer = engine.getManagementService().createJobQuery().processDefinitionKey("hot-topic-watch").timers()
        .singleResult();
    assertThat(timer).as("one timer for the watch, however many nodes").isNotNull();
    var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("hot-topic-watch")
        .latestVersion().singleResult();
    assertThat(timer.getProcessDefinitionId()).isEqualTo(definition.getId());
  }

  /** Starts the watch as its timer would and runs it (its search is asynchronous). */
  private void runTheWatchAt(Instant when) {
    ClockUtil.setCurrentTime(Date.from(when));
    var instance = engine.getRuntimeService().startProcessInstanceByKey("hot-topic-watch");
    driver.executeDueJobs(instance.getId());
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isEnded()
        .hasPassed("FindHotTopics");
  }

  /**
   * Complaints of one category whose texts share the keywords and nothing else (their other words are made up, one
   * text each), received one after the other from {@code from}.
   */
  private List<Complaint> complaintsAbout(String keywords, int count, Instant from, Duration apart) {
    List<Complaint> complaints = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ClockUtil.setCurrentTime(Date.from(from.plus(apart.multipliedBy(i))));
      var complaint = driver.submitWebComplaint("FUNCTIONAL", keywords + " " + keyword(),
          keyword() + " " + keyword() + " " + keywords + " " + keyword(), AffectedUsers.ONE);
      complaints.add(complaint);
    }
    ClockUtil.reset();
    return complaints;
  }

  private List<Map<String, Object>> alertsAbout(String keyword) {
    return jdbc.sql("select * from hot_topic where keyword = :keyword").param("keyword", keyword).query().listOfRows();
  }

  /** A made-up word of letters (no s, which the plural folding would cut). */
  private static String keyword() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    var word = new StringBuilder("zq");
    for (int i = 0; i < 6; i++) {
      word.append("abcdefghijklmnopqrtuvwxyz".charAt(random.nextInt(25)));
    }
    return word.toString();
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
