package com.complaintdesk.analytics;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the dashboard's summary in step with the facts: every day whose facts changed is summarised anew, each in
 * a transaction of its own. Runs on a schedule and before every dashboard read (the newest days first), so a view
 * does not lag behind. The
 * facts of the day are marked summarised in the same transaction; a fact changed meanwhile marks its day again.
 */
@Component
public class DashboardSummary {

  private final JdbcClient jdbc;
  private final DaySummaries days;
  private final TransactionTemplate transactions;

  DashboardSummary(JdbcClient jdbc, DaySummaries days, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.days = days;
    this.transactions = transactions;
  }

  /**
   * The most days a dashboard read summarises before it reads, the newest first: a read stays quick after a busy
   * spell or a big change (an upgrade, an import), and the schedule summarises the rest. Summarising a day takes
   * about a second per thousand complaints received that day on H2 (bench/results).
   */
  static final int DAYS_PER_READ = 7;
  private static final int DAYS_PER_QUERY = 100;

  /** Summarises every day with a changed fact, the newest first; returns how many days. */
  @Scheduled(fixedDelayString = "${complaint-desk.analytics.summary-interval:PT1M}",
      initialDelayString = "${complaint-desk.analytics.summary-interval:PT1M}")
  public int catchUp() {
    return catchUp(Integer.MAX_VALUE);
  }

  /** Summarises at most {@code maxDays} days with a changed fact, the newest first. */
  public int catchUp(int maxDays) {
    int summarised = 0;
    List<LocalDate> pending;
    do {
      pending = jdbc.sql("""
              select distinct received_day from complaint_fact where summary_pending = true
              order by received_day desc fetch first :days rows only
              """)
          .param("days", Math.min(DAYS_PER_QUERY, maxDays - summarised))
          .query(LocalDate.class).list();
      for (LocalDate day : pending) {
        summarised += Boolean.TRUE.equals(transactions.execute(status -> summarise(day))) ? 1 : 0;
      }
    } while (pending.size() == DAYS_PER_QUERY && summarised < maxDays);
    return summarised;
  }

  // A day another node or thread summarised meanwhile has nothing pending left: skip it.
  private boolean summarise(LocalDate day) {
    int changed = jdbc.sql("update complaint_fact set summary_pending = false"
            + " where received_day = :day and summary_pending = true")
        .param("day", day).update();
    if (changed > 0) {
      days.summarise(day);
    }
    return changed > 0;
  }
}
