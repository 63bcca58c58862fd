package com.complaintdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.AppProcess;
import com.complaintdesk.PostgresDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Two nodes started at the same moment (a cluster's first start, or all nodes restarted together after an upgrade)
 * deploy the models once: one deployment holding each model once, one version of the process, one of each decision and
 * form; the start-up set-up (the admin user, groups, Tasklist filters, the history cleanup job) exists once; and both
 * nodes then take complaints.
 */
@EnabledIf(value = "com.complaintdesk.PostgresDatabase#reachableOrRequired",
    disabledReason = PostgresDatabase.DISABLED_REASON)
class ConcurrentStartIT {

  /** An empty database: one node migrates and sets up while the other waits (ClusterStartLock), then both serve. */
  @Test
  void twoNodesStartingTogetherOnAnEmptyDatabaseDeployTheModelsOnce() {
    try (var database = ClusterDatabase.create(); var nodes = new ClusterNodes(database, ConcurrentStartIT.class)) {
      AppProcess nodeA = nodes.start("node-a", ClusterChecks.FAST_IDLE_POLLING);
      AppProcess nodeB = nodes.start("node-b", ClusterChecks.FAST_IDLE_POLLING);
      nodeA.awaitReady(ClusterNodes.START_TIMEOUT);
      nodeB.awaitReady(ClusterNodes.START_TIMEOUT);
      System.out.printf("ConcurrentStartIT: nodes up together in %s / %s%n", nodeA.startUpTime(), nodeB.startUpTime());
      assertSetUpOnce(database);
      assertBothTakeComplaints(database, List.of(nodeA, nodeB));
      ClusterChecks.assertNoErrorsLogged(nodeA, nodeB);
    }
  }

  private static void assertSetUpOnce(ClusterDatabase database) {
    assertThat(database.strings("select name_ from act_re_deployment")).as("deployments")
        .containsExactly("complaint-desk");
    assertThat(database.rows("""
            select name_, count(*) as copies from act_ge_bytearray where deployment_id_ is not null
            group by name_ having count(*) <> 1
            """)).as("model resources deployed more than once").isEmpty();
    assertThat(database.strings("select name_ from act_ge_bytearray where deployment_id_ is not null"))
        .contains("processes/complaint-handling.bpmn")
        .anyMatch(name -> name.endsWith(".dmn")).anyMatch(name -> name.endsWith(".form"));
    assertThat(database.rows("select key_, version_ from act_re_procdef")).as("process definitions")
        .extracting(row -> row.get("key_") + " v" + row.get("version_"))
        .containsExactlyInAnyOrder("complaint-handling v1", "improvement-action v1", "hot-topic-watch v1");
    assertThat(database.rows("select key_, count(*) as versions from act_re_decision_def group by key_"
        + " having count(*) <> 1")).as("decisions with more than one version").isEmpty();
    assertThat(database.rows("select key_, count(*) as versions from act_re_camformdef group by key_"
        + " having count(*) <> 1")).as("forms with more than one version").isEmpty();
    assertThat(database.count("select count(*) from act_re_camformdef")).as("forms").isPositive();

    assertThat(database.strings("select id_ from act_id_user")).as("users").containsExactly(ClusterNodes.ADMIN);
    assertThat(database.rows("select name_, count(*) as copies from act_ru_filter group by name_"
        + " having count(*) <> 1")).as("Tasklist filters created more than once").isEmpty();
    assertThat(database.count("select count(*) from act_ru_filter")).as("Tasklist filters").isEqualTo(3);
    assertThat(database.count("select count(*) from act_ru_job where handler_type_ = 'history-cleanup'"))
        .as("history cleanup jobs").isEqualTo(1);
  }

  /** A web complaint handed to each node is classified (by either job executor). */
  private static void assertBothTakeComplaints(ClusterDatabase database, List<AppProcess> nodes) {
    var client = new ClusterClient();
    List<String> trackingNumbers = nodes.stream().map(node -> {
      var answer = client.submitWeb(node, "start-" + node.name(), "start-" + node.name(), 1);
      assertThat(answer.status()).as("submission to %s: %s", node, answer).isEqualTo(201);
      return answer.trackingNumber();
    }).toList();
    Await.until("both complaints classified", Duration.ofSeconds(60),
        () -> database.count("select count(*) from complaint where status = 'CLASSIFIED'") == 2
            && ClusterChecks.dueJobs(database) == 0,
        () -> database.rows("select tracking_number, status from complaint").toString());
    assertThat(database.strings("select tracking_number from complaint"))
        .containsExactlyInAnyOrderElementsOf(trackingNumbers);
  }
}
