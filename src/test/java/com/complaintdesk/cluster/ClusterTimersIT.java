package com.complaintdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.AppProcess;
import com.complaintdesk.PostgresDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Two nodes (the packaged jar, each its own JVM with its own job executor) on one PostgreSQL database: 500 staff-captured
 * complaints whose 24-hour logging deadline passed before they arrived, handed in over HTTP to both nodes. Every one of
 * their 500 overdue timers fires exactly once, on one node or the other, and both nodes' job executors take part.
 */
@EnabledIf(value = "com.complaintdesk.PostgresDatabase#reachableOrRequired",
    disabledReason = PostgresDatabase.DISABLED_REASON)
class ClusterTimersIT {

  static final int COMPLAINTS = 500;
  static final int CLIENTS = 6;

  @Test
  void fiveHundredOverdueTimersFireExactlyOnceAcrossTwoNodes() throws Exception {
    try (var database = ClusterDatabase.create(); var nodes = new ClusterNodes(database, ClusterTimersIT.class)) {
      List<AppProcess> both = nodes.startTwo(Map.of(), ClusterChecks.FAST_IDLE_POLLING);
      AppProcess nodeA = both.get(0);
      AppProcess nodeB = both.get(1);
      var client = new ClusterClient();
      client.createIntakeAgent(nodeA);

      Instant submitting = Instant.now();
      List<String> trackingNumbers = submitAll(client, List.of(nodeA, nodeB));
      Duration submitted = Duration.between(submitting, Instant.now());
      assertThat(new HashSet<>(trackingNumbers)).as("distinct tracking numbers acknowledged").hasSize(COMPLAINTS);

      Duration drained = Await.until("every overdue timer fired and no job is left", Duration.ofSeconds(120),
          () -> database.count("select count(*) from deadline_breach where deadline = 'LOGGING'") >= COMPLAINTS
              && ClusterChecks.dueJobs(database) == 0,
          () -> ClusterChecks.progress(database));

      ClusterChecks.assertOverdueIntakeHandledOnce(database, trackingNumbers);
      var perNode = ClusterChecks.successfulJobsPerNode(database, "LoggingDeadlinePassed");
      System.out.printf("ClusterTimersIT: %d complaints handed in over %s in %s, the rest of the timers done %s later;"
              + " logging timers fired per node %s, failed job attempts %d; nodes up in %s / %s%n",
          COMPLAINTS, CLIENTS + " clients", submitted, drained, perNode,
          database.count("select count(*) from act_hi_job_log where job_state_ = 1"), nodeA.startUpTime(),
          nodeB.startUpTime());
      assertThat(perNode).as("logging timers fired per node (ACT_HI_JOB_LOG.HOSTNAME_)")
          .containsOnlyKeys("node-a", "node-b")
          .allSatisfy((node, fired) -> assertThat(fired).as(node).isPositive());
      assertThat(perNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(COMPLAINTS);
      ClusterChecks.assertNoErrorsLogged(nodeA, nodeB);
    }
  }

  /** Hands in the complaints from {@link #CLIENTS} clients at once, alternately to each node; all must be acknowledged. */
  private static List<String> submitAll(ClusterClient client, List<AppProcess> nodes) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<ClusterClient.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < COMPLAINTS; i++) {
        AppProcess node = nodes.get(i % nodes.size());
        String marker = "timers-" + i;
        answers.add(clients.submit((Callable<ClusterClient.Answer>) () -> client.submitOverdueIntake(node, marker)));
      }
      List<String> trackingNumbers = new ArrayList<>();
      for (var future : answers) {
        var answer = future.get();
        assertThat(answer.status()).as("staff intake answered %s", answer).isEqualTo(201);
        trackingNumbers.add(answer.trackingNumber());
      }
      return trackingNumbers;
    } finally {
      clients.shutdownNow();
    }
  }
}
