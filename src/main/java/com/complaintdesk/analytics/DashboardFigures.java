package com.complaintdesk.analytics;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * All figures of the dashboard for a filter: the summary is brought up to date first, then every figure is read
 * in one read-only transaction, so that they agree with each other and with the latest step of every complaint.
 */
@Component
public class DashboardFigures {

  private final DashboardSummary summary;
  private final TransactionTemplate readOnly;
  private final VolumeFigures volume;
  private final SlaFigures sla;
  private final StageFigures stages;
  private final SatisfactionFigures satisfaction;
  private final AppraisalFigures appraisal;

  DashboardFigures(DashboardSummary summary, PlatformTransactionManager transactions, VolumeFigures volume,
      SlaFigures sla, StageFigures stages, SatisfactionFigures satisfaction, AppraisalFigures appraisal) {
    this.summary = summary;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.volume = volume;
    this.sla = sla;
    this.stages = stages;
    this.satisfaction = satisfaction;
    this.appraisal = appraisal;
  }

  /** The figures over a database outside the app (tests, the benchmark). */
  public static DashboardFigures over(DataSource dataSource) {
    var template = new JdbcTemplate(dataSource);
    var jdbc = JdbcClient.create(template);
    var transactions = new DataSourceTransactionManager(dataSource);
    return new DashboardFigures(new DashboardSummary(jdbc, new DaySummaries(template),
        new TransactionTemplate(transactions)), transactions, new VolumeFigures(jdbc), new SlaFigures(jdbc),
        new StageFigures(jdbc), new SatisfactionFigures(jdbc), new AppraisalFigures(jdbc));
  }

  public Dashboard of(DashboardFilter filter) {
    summary.catchUp(DashboardSummary.DAYS_PER_READ);
    return readOnly.execute(status -> new Dashboard(filter, volume.volume(filter), sla.sla(filter),
        sla.breaches(filter), stages.stageTimes(filter), stages.backlog(filter), satisfaction.satisfaction(filter),
        appraisal.byDepartment(filter), appraisal.byHandler(filter)));
  }

  /** The summary behind the figures (the benchmark brings it up to date before it measures). */
  public DashboardSummary summary() {
    return summary;
  }
}
