package com.complaintdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.AppProcess;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the cluster tests read from the database with plain JDBC: our tables and the engine's. */
final class ClusterChecks {

  /**
   * A job executor that found nothing to do waits longer and longer before it looks again, up to
   * {@code max-wait} (60 s by default). Jobs created by a node wake its own executor at once, but a job that
   * becomes available otherwise (a dead node's lock expiring) waits for the next look: 2 s keeps the tests short.
   */
  static final String FAST_IDLE_POLLING = "--camunda.bpm.job-execution.max-wait=2000";

  private ClusterChecks() {
  }

  /** Jobs of process instances that are due and could run (not failed for good): none once the work is done. */
  static long dueJobs(ClusterDatabase database) {
    return database.count("""
        select count(*) from act_ru_job
        where process_instance_id_ is not null and retries_ > 0 and (duedate_ is null or duedate_ <= ?)
        """, Timestamp.from(Instant.now()));
  }

  static String progress(ClusterDatabase database) {
    return database.rows("""
        select (select count(*) from complaint) as complaints,
               (select count(*) from deadline_breach where deadline = 'LOGGING') as logging_breaches,
               (select count(*) from act_ru_job where process_instance_id_ is not null) as jobs,
               (select count(*) from act_ru_job where lock_owner_ is not null) as locked_jobs,
               (select count(*) from act_ru_incident) as incidents
        """).get(0) + ", due jobs " + dueJobs(database);
  }

  /** Successful executions (ACT_HI_JOB_LOG, state 2) of the jobs of an activity, per node (HOSTNAME_). */
  static Map<String, Long> successfulJobsPerNode(ClusterDatabase database, String activityId) {
    Map<String, Long> perNode = new LinkedHashMap<>();
    database.rows("""
            select hostname_, count(*) as jobs from act_hi_job_log
            where act_id_ = ? and job_state_ = 2 group by hostname_ order by hostname_
            """, activityId)
        .forEach(row -> perNode.put((String) row.get("hostname_"), ((Number) row.get("jobs")).longValue()));
    return perNode;
  }

  /**
   * The staff-captured complaints whose logging deadline had passed on arrival: each exists once, with one process
   * instance waiting in "Log complaint" (status RECEIVED), and its overdue timer fired exactly once: one timer job
   * created and executed successfully once (ACT_HI_JOB_LOG), one LOGGING row in deadline_breach, one escalation
   * queued for the intake supervisors.
   */
  static void assertOverdueIntakeHandledOnce(ClusterDatabase database, Collection<String> trackingNumbers) {
    String[] numbers = trackingNumbers.toArray(String[]::new);
    var complaints = database.rows("""
        select c.tracking_number, c.status, c.process_instance_id,
          (select count(*) from deadline_breach b where b.complaint_id = c.id and b.deadline = 'LOGGING') as breaches,
          (select count(*) from notification n where n.complaint_id = c.id
             and n.template = 'LOGGING_DEADLINE_ESCALATION') as escalations,
          (select count(*) from act_hi_procinst p where p.business_key_ = c.tracking_number) as instances,
          (select count(*) from act_ru_task t where t.proc_inst_id_ = c.process_instance_id) as open_tasks,
          (select count(*) from act_ru_task t where t.proc_inst_id_ = c.process_instance_id
             and t.task_def_key_ = 'LogComplaint') as log_tasks,
          (select count(*) from act_hi_job_log j where j.process_instance_id_ = c.process_instance_id
             and j.act_id_ = 'LoggingDeadlinePassed' and j.job_state_ = 0) as timers_created,
          (select count(*) from act_hi_job_log j where j.process_instance_id_ = c.process_instance_id
             and j.act_id_ = 'LoggingDeadlinePassed' and j.job_state_ = 2) as timers_fired,
          (select count(distinct j.job_id_) from act_hi_job_log j where j.process_instance_id_ = c.process_instance_id
             and j.act_id_ = 'LoggingDeadlinePassed') as timer_jobs
        from complaint c where c.tracking_number = any (?)
        """, (Object) numbers);
    assertThat(complaints).as("complaints with the acknowledged tracking numbers").hasSize(numbers.length);
    var expected = Map.of("status", "RECEIVED", "breaches", 1L, "escalations", 1L, "instances", 1L,
        "open_tasks", 1L, "log_tasks", 1L, "timers_created", 1L, "timers_fired", 1L, "timer_jobs", 1L);
    List<Map<String, Object>> wrong = complaints.stream()
        .filter(row -> expected.entrySet().stream().anyMatch(entry -> !entry.getValue().equals(normalised(row.get(entry.getKey())))))
        .toList();
    assertThat(wrong).as("overdue complaints not handled exactly once (expected %s each)", expected).isEmpty();
    assertThat(database.count("select count(*) from act_ru_incident")).as("incidents").isZero();
  }

  private static Object normalised(Object value) {
    return value instanceof Number number ? (Object) number.longValue() : value;
  }

  /** ERROR lines in the nodes' logs: none expected. */
  static void assertNoErrorsLogged(AppProcess... nodes) {
    for (var node : nodes) {
      assertThat(node.errorLines()).as("ERROR lines in %s", node.log()).isEmpty();
    }
  }
}
