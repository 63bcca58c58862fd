package com.complaintdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.AppProcess;
import com.complaintdesk.PostgresDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Two nodes under load (web submissions and staff-captured complaints with overdue timers), and node A dies of
 * SIGKILL in the middle, holding locks on jobs. Node B goes on alone: the load balancer sends everything to it, and
 * clients whose request A never answered retry there (web submissions with their Idempotency-Key). Afterwards no
 * acknowledged complaint is lost or doubled, every overdue timer fired exactly once, no job ran twice, and the jobs A
 * had locked were run by B once their lock expired.
 */
@EnabledIf(value = "com.complaintdesk.PostgresDatabase#reachableOrRequired",
    disabledReason = PostgresDatabase.DISABLED_REASON)
class NodeKilledIT {

  static final int OVERDUE_INTAKE = 200;
  static final int WEB = 100;
  static final int CLIENTS = 6;
  /** How long a job executor's lock on a job lasts (Camunda's default is 5 minutes). */
  static final Duration LOCK_TIME = Duration.ofSeconds(10);
  /** A is killed once this many submissions were acknowledged (and both nodes hold job locks). */
  static final int KILL_AFTER = 110;

  enum Kind { OVERDUE_INTAKE, WEB }

  /** One complaint a client means to hand in. */
  record Submission(int number, Kind kind, String marker) {

    String idempotencyKey() {
      return "cluster-" + marker;
    }
  }

  /** What became of a submission: acknowledged (tracking number) or not, which node answered, how many tries. */
  record Outcome(Submission submission, String trackingNumber, String answeredBy, int attempts, String lastFailure) {
  }

  @Test
  void nothingIsLostOrDoubledWhenANodeDiesAndTheOtherFinishesItsLockedJobs() throws Exception {
    try (var database = ClusterDatabase.create(); var nodes = new ClusterNodes(database, NodeKilledIT.class)) {
      var lockTime = Map.of("COMPLAINT_DESK_JOB_LOCK_MILLIS", String.valueOf(LOCK_TIME.toMillis()));
      List<AppProcess> both = nodes.startTwo(lockTime, ClusterChecks.FAST_IDLE_POLLING);
      AppProcess nodeA = both.get(0);
      AppProcess nodeB = both.get(1);
      var client = new ClusterClient();
      client.createIntakeAgent(nodeB);
      var balancer = new Balancer(nodeA, nodeB);

      List<Submission> submissions = new ArrayList<>();
      for (int i = 0; i < OVERDUE_INTAKE + WEB; i++) {
        // two overdue complaints to one web complaint, mixed
        Kind kind = i % 3 == 2 && submissions.stream().filter(s -> s.kind() == Kind.WEB).count() < WEB
            ? Kind.WEB : Kind.OVERDUE_INTAKE;
        submissions.add(new Submission(i, kind, "kill-" + i));
      }
      Instant start = Instant.now();
      var acknowledged = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<Outcome>> futures = new ArrayList<>();
      for (var submission : submissions) {
        futures.add(clients.submit(() -> {
          Outcome outcome = submit(client, balancer, submission);
          if (outcome.trackingNumber() != null) {
            acknowledged.incrementAndGet();
          }
          return outcome;
        }));
      }

      // The kill, in the middle of the load, while both job executors hold locks.
      Await.until(KILL_AFTER + " submissions acknowledged", Duration.ofSeconds(60),
          () -> acknowledged.get() >= KILL_AFTER, () -> acknowledged.get() + " acknowledged");
      awaitLocksOfTwoOwners(database);
      nodeA.kill();
      Instant killedAt = Instant.now();
      balancer.takeOut(nodeA);
      Map<String, LockedJob> lockedAtKill = lockedJobs(database, killedAt);
      // B's lock owner: the one that locks jobs after the kill (A's locks all expire by killedAt + LOCK_TIME).
      var ownerOfB = CompletableFuture.supplyAsync(
          () -> lockOwnerAfter(database, killedAt.plus(LOCK_TIME).plusMillis(500)));
      int acknowledgedAtKill = acknowledged.get();

      List<Outcome> outcomes = new ArrayList<>();
      for (var future : futures) {
        outcomes.add(future.get());
      }
      clients.shutdown();
      Instant submitted = Instant.now();

      String ownerB = ownerOfB.get();
      assertThat(ownerB).as("the lock owner of B, seen locking jobs after the kill").isNotNull();
      Map<String, LockedJob> lockedByA = lockedAtKill.values().stream()
          .filter(job -> !job.owner().equals(ownerB))
          .collect(Collectors.toMap(LockedJob::id, job -> job));
      assertThat(lockedByA).as("jobs A held locked when it died (all locked at the kill: %s; B is %s)",
          lockedAtKill, ownerB).isNotEmpty();
      assertThat(lockedByA.values().stream().map(LockedJob::owner).distinct()).as("A's lock owner").hasSize(1);

      Duration drained = Await.until("every job done and every message out of the outbox", LOCK_TIME.plusSeconds(90),
          () -> ClusterChecks.dueJobs(database) == 0
              && database.count("select count(*) from notification where state <> 'SENT'") == 0,
          () -> ClusterChecks.progress(database) + ", unsent messages "
              + database.count("select count(*) from notification where state <> 'SENT'"));

      // Nothing acknowledged is lost or doubled; nothing unanswered is doubled.
      Map<Kind, List<Outcome>> byKind = outcomes.stream().collect(Collectors.groupingBy(o -> o.submission().kind()));
      var complaintsByMarker = complaintsByMarker(database);
      List<String> problems = new ArrayList<>();
      Set<String> unanswered = new HashSet<>();
      for (var outcome : outcomes) {
        String marker = outcome.submission().marker();
        List<String> found = complaintsByMarker.getOrDefault(marker, List.of());
        if (outcome.trackingNumber() != null) {
          if (!found.equals(List.of(outcome.trackingNumber()))) {
            problems.add(marker + " acknowledged as " + outcome.trackingNumber() + " but stored as " + found);
          }
        } else {
          unanswered.add(marker + " (" + outcome.lastFailure() + ", stored as " + found + ")");
          if (found.size() > 1) {
            problems.add(marker + " unanswered but stored " + found.size() + " times: " + found);
          }
        }
      }
      assertThat(problems).as("acknowledged complaints lost or doubled").isEmpty();
      assertThat(byKind.get(Kind.WEB)).as("web submissions: every one acknowledged (retried with its key)")
          .allSatisfy(outcome -> assertThat(outcome.trackingNumber()).as(outcome.toString()).isNotNull());
      assertThat(database.count("select count(*) from complaint")).as("complaints stored")
          .isEqualTo(complaintsByMarker.values().stream().mapToLong(List::size).sum());
      assertThat(database.rows("""
              select c.tracking_number, c.process_instance_id, count(p.id_) as instances from complaint c
              left join act_hi_procinst p on p.business_key_ = c.tracking_number
              group by c.tracking_number, c.process_instance_id
              having count(p.id_) <> 1 or c.process_instance_id is null or min(p.id_) <> c.process_instance_id
              """)).as("complaints without exactly one process instance (their own)").isEmpty();
      assertThat(database.rows("""
              select idempotency_key, count(*) as uses from idempotent_submission group by idempotency_key
              having count(*) <> 1
              """)).isEmpty();

      // No job ran twice; every overdue timer fired once; every web complaint waits for its department's lead.
      assertThat(database.rows("""
              select job_id_, act_id_, count(*) as runs, string_agg(hostname_, ',') as nodes from act_hi_job_log
              where job_state_ = 2 group by job_id_, act_id_ having count(*) > 1
              """)).as("jobs executed successfully more than once").isEmpty();
      List<String> overdue = database.strings("select tracking_number from complaint where channel = 'HOTLINE'");
      ClusterChecks.assertOverdueIntakeHandledOnce(database, overdue);
      List<String> web = database.strings("select tracking_number from complaint where channel = 'WEB_FORM'");
      assertThat(web).hasSize(WEB);
      assertWaitingForTheLead(database, web);

      // B ran the jobs A had locked, once, after A's lock had expired.
      var runsOfLocked = database.rows("""
          select job_id_, hostname_, timestamp_ from act_hi_job_log where job_state_ = 2 and job_id_ = any (?)
          """, (Object) lockedByA.keySet().toArray(String[]::new));
      assertThat(runsOfLocked).as("successful runs of the jobs A had locked").hasSize(lockedByA.size())
          .allSatisfy(run -> {
            LockedJob job = lockedByA.get((String) run.get("job_id_"));
            assertThat(run.get("hostname_")).as("node that ran %s", job).isEqualTo("node-b");
            assertThat(((Timestamp) run.get("timestamp_")).toInstant()).as("when %s ran", job)
                .isAfterOrEqualTo(job.lockExpiresAt());
          });
      assertThat(database.count("select count(*) from act_ru_incident")).as("incidents").isZero();

      System.out.printf("NodeKilledIT: %d submissions (%d overdue intake, %d web) by %d clients in %s; A killed after"
              + " %d acknowledged, holding %d job locks (%s), all run by B after expiry; unanswered intake: %s;"
              + " answers per node %s; jobs per node %s; failed job attempts %d; work done %s after the last"
              + " submission; nodes up in %s / %s%n",
          submissions.size(), OVERDUE_INTAKE, WEB, CLIENTS, Duration.between(start, submitted), acknowledgedAtKill,
          lockedByA.size(), lockedByA.values().stream().map(LockedJob::activity).collect(Collectors.toList()),
          unanswered, outcomes.stream().collect(Collectors.groupingBy(o -> String.valueOf(o.answeredBy()),
              Collectors.counting())),
          database.rows("select hostname_, count(*) as jobs from act_hi_job_log where job_state_ = 2 group by hostname_"),
          database.count("select count(*) from act_hi_job_log where job_state_ = 1"), drained, nodeA.startUpTime(),
          nodeB.startUpTime());
      ClusterChecks.assertNoErrorsLogged(nodeB);
    }
  }

  /**
   * The load balancer: alternates between the nodes it believes alive. A request the dead node never received
   * (connection refused) goes to the other; a web submission whose answer was lost is retried by its client with the
   * same Idempotency-Key; a staff intake whose answer was lost is not retried (it has no key): it may or may not exist.
   */
  private static Outcome submit(ClusterClient client, Balancer balancer, Submission submission) {
    String lastFailure = null;
    for (int attempt = 1; attempt <= 5; attempt++) {
      AppProcess node = balancer.next();
      var answer = submission.kind() == Kind.WEB
          ? client.submitWeb(node, submission.marker(), submission.idempotencyKey(), submission.number())
          : client.submitOverdueIntake(node, submission.marker());
      if (answer.status() == 201) {
        return new Outcome(submission, answer.trackingNumber(), node.name(), attempt, lastFailure);
      }
      lastFailure = node.name() + ": " + answer;
      boolean retry = answer.neverSent() || submission.kind() == Kind.WEB;
      if (!retry) {
        return new Outcome(submission, null, null, attempt, lastFailure);
      }
      balancer.takeOut(node);
    }
    return new Outcome(submission, null, null, 5, lastFailure);
  }

  /** Round robin over the nodes still in; a node taken out gets nothing more. */
  static final class Balancer {

    private final List<AppProcess> nodes;
    private final Set<AppProcess> out = ConcurrentHashMap.newKeySet();
    private final AtomicInteger turn = new AtomicInteger();

    Balancer(AppProcess... nodes) {
      this.nodes = List.of(nodes);
    }

    AppProcess next() {
      List<AppProcess> in = nodes.stream().filter(node -> !out.contains(node)).toList();
      return in.get(Math.floorMod(turn.getAndIncrement(), in.size()));
    }

    void takeOut(AppProcess node) {
      if (!node.isAlive()) {
        out.add(node);
      }
    }
  }

  record LockedJob(String id, String owner, Instant lockExpiresAt, String activity) {
  }

  /** Jobs locked now (lock not expired), by id. */
  private static Map<String, LockedJob> lockedJobs(ClusterDatabase database, Instant now) {
    Map<String, LockedJob> locked = new HashMap<>();
    database.rows("""
            select j.id_, j.lock_owner_, j.lock_exp_time_, d.act_id_ from act_ru_job j
            left join act_ru_jobdef d on d.id_ = j.job_def_id_
            where j.lock_owner_ is not null and j.lock_exp_time_ > ?
            """, Timestamp.from(now))
        .forEach(row -> locked.put((String) row.get("id_"), new LockedJob((String) row.get("id_"),
            (String) row.get("lock_owner_"), ((Timestamp) row.get("lock_exp_time_")).toInstant(),
            Objects.toString(row.get("act_id_")))));
    return locked;
  }

  /** Waits (briefly) until jobs are locked by two owners, i.e. both job executors are busy. */
  private static void awaitLocksOfTwoOwners(ClusterDatabase database) {
    Instant deadline = Instant.now().plusSeconds(15);
    while (Instant.now().isBefore(deadline)) {
      if (lockedJobs(database, Instant.now()).values().stream().map(LockedJob::owner).distinct().count() >= 2) {
        return;
      }
      Await.pause(Duration.ofMillis(10));
    }
  }

  /**
   * Watches (every 10 ms, a locked job may be done within that) for a lock that expires after {@code expiringAfter},
   * so was taken after the kill, by B; its owner, or null if none is seen within the lock time and 30 s.
   */
  private static String lockOwnerAfter(ClusterDatabase database, Instant expiringAfter) {
    Instant deadline = Instant.now().plus(LOCK_TIME).plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      var owners = database.strings("select distinct lock_owner_ from act_ru_job where lock_exp_time_ > ?",
          Timestamp.from(expiringAfter));
      if (!owners.isEmpty()) {
        assertThat(owners).as("lock owners after the kill").hasSize(1);
        return owners.get(0);
      }
      Await.pause(Duration.ofMillis(10));
    }
    return null;
  }

  /** The stored complaints per submission marker (their contact address is {@code <marker>@cluster-it.example.org}). */
  private static Map<String, List<String>> complaintsByMarker(ClusterDatabase database) {
    Map<String, List<String>> byMarker = new HashMap<>();
    database.rows("select contact_email, tracking_number from complaint order by tracking_number").forEach(row ->
        byMarker.computeIfAbsent(((String) row.get("contact_email")).replace("@cluster-it.example.org", ""),
            marker -> new ArrayList<>()).add((String) row.get("tracking_number")));
    return byMarker;
  }

  /** Web complaints: classified by the rules, one process instance waiting in "Assign handler", nothing left to run. */
  private static void assertWaitingForTheLead(ClusterDatabase database, List<String> trackingNumbers) {
    var states = database.rows("""
        select c.tracking_number, c.status, c.department,
          (select string_agg(t.task_def_key_, ',') from act_ru_task t where t.proc_inst_id_ = c.process_instance_id)
            as tasks,
          (select count(*) from act_hi_job_log j where j.process_instance_id_ = c.process_instance_id
             and j.act_id_ = 'RecordComplaintLogged' and j.job_state_ = 2) as starts
        from complaint c where c.tracking_number = any (?)
        """, (Object) trackingNumbers.toArray(String[]::new));
    System.out.println("NodeKilledIT: web complaints by status, department, tasks: " + states.stream()
        .collect(Collectors.groupingBy(row -> row.get("status") + " " + row.get("department") + " " + row.get("tasks"),
            Collectors.counting())));
    assertThat(states).allSatisfy(row -> {
      assertThat(row.get("status")).as("status of %s", row).isEqualTo("CLASSIFIED");
      assertThat(row.get("tasks")).as("open tasks of %s", row).isEqualTo("AssignHandler");
      assertThat(((Number) row.get("starts")).longValue()).as("classification jobs run for %s", row).isEqualTo(1);
    });
  }
}
