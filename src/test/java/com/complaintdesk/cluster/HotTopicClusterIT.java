package com.complaintdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.AppProcess;
import com.complaintdesk.PostgresDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The hot-topic watch on two nodes: 24 complaints of one kind, handed to both, make one alert and one improvement
 * action, although the watch's hourly timer falls due on both job executors and each node is also asked to run the
 * watch at the same moment (three watches racing over the same rise).
 */
@EnabledIf(value = "com.complaintdesk.PostgresDatabase#reachableOrRequired",
    disabledReason = PostgresDatabase.DISABLED_REASON)
class HotTopicClusterIT {

  static final int BURST = 24;

  @Test
  void aBurstOnTwoNodesStartsOneAlertAndOneAction() throws Exception {
    try (var database = ClusterDatabase.create(); var nodes = new ClusterNodes(database, HotTopicClusterIT.class)) {
      List<AppProcess> both = nodes.startTwo(Map.of(), ClusterChecks.FAST_IDLE_POLLING);
      AppProcess nodeA = both.get(0);
      AppProcess nodeB = both.get(1);
      var client = new ClusterClient();
      for (int i = 0; i < BURST; i++) {
        var answer = client.submitWeb(both.get(i % 2), "burst-" + i, "burst-" + i, 100 + i);
        assertThat(answer.status()).as("submission %d: %s", i, answer).isEqualTo(201);
      }
      Await.until("the burst classified", Duration.ofSeconds(90),
          () -> database.count("select count(*) from complaint where category is not null") == BURST
              && ClusterChecks.dueJobs(database) == 0,
          () -> database.rows("select status, category from complaint").toString());

      // the hourly timer is due now for both job executors, and each node is asked to run the watch too
      database.rows("update act_ru_job set duedate_ = now() where handler_type_ = 'timer-start-event'"
          + " and process_def_key_ = 'hot-topic-watch' returning id_");
      var starts = both.stream().map(node -> CompletableFuture.supplyAsync(() -> client.send(node, "POST",
          "/engine-rest/process-definition/key/hot-topic-watch/start", ClusterNodes.ADMIN, ClusterNodes.ADMIN_PASSWORD,
          "{}"))).toList();
      for (var start : starts) {
        assertThat(start.get().status()).as("start the watch: %s", start.get()).isEqualTo(200);
      }
      Await.until("three watches done", Duration.ofSeconds(90),
          () -> database.count("select count(*) from act_hi_procinst where proc_def_key_ = 'hot-topic-watch'"
              + " and end_time_ is not null") >= 3 && ClusterChecks.dueJobs(database) == 0,
          () -> database.rows("select id_, end_time_ from act_hi_procinst where proc_def_key_ = 'hot-topic-watch'")
              .toString());

      assertThat(database.count("select count(*) from hot_topic")).as("alerts").isEqualTo(1);
      assertThat(database.count("select count(*) from improvement_action")).as("improvement actions").isEqualTo(1);
      assertThat(database.count("select count(*) from act_ru_execution where proc_def_id_ like 'improvement-action:%'"
          + " and parent_id_ is null")).as("running improvement-action instances").isEqualTo(1);
      assertThat(database.count("select count(*) from improvement_action_complaint")).isEqualTo(BURST);
      System.out.printf("HotTopicClusterIT: watches run per node %s%n",
          ClusterChecks.successfulJobsPerNode(database, "FindHotTopics"));
      ClusterChecks.assertNoErrorsLogged(nodeA, nodeB);
    }
  }
}
