package com.complaintdesk.analytics;

import com.complaintdesk.improvement.ImprovementProperties;
import com.complaintdesk.improvement.TopicVolume;
import java.time.Instant;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * All figures of the dashboard for a filter: the summary is brought up to date first, then every figure is read
 * in one read-only transaction, so that they agree with each other and with the latest step of every complaint (and
 * of every improvement action).
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
  private final ImprovementFigures improvements;
  private final ImprovementDeliveries deliveries;

  DashboardFigures(DashboardSummary summary, PlatformTransactionManager transactions, VolumeFigures volume,
      SlaFigures sla, StageFigures stages, SatisfactionFigures satisfaction, AppraisalFigures appraisal,
      ImprovementFigures improvements, ImprovementDeliveries deliveries) {
    this.summary = summary;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.volume = volume;
    this.sla = sla;
    this.stages = stages;
    this.satisfaction = satisfaction;
    this.appraisal = appraisal;
    this.improvements = improvements;
    this.deliveries = deliveries;
  }

  /** The figures over a database outside the app (tests, the benchmark). */
  public static DashboardFigures over(DataSource dataSource) {
    var template = new JdbcTemplate(dataSource);
    var jdbc = JdbcClient.create(template);
    var transactions = new DataSourceTransactionManager(dataSource);
    return new DashboardFigures(new DashboardSummary(jdbc, new DaySummaries(template),
        new TransactionTemplate(transactions)), transactions, new VolumeFigures(jdbc), new SlaFigures(jdbc),
        new StageFigures(jdbc), new SatisfactionFigures(jdbc), new AppraisalFigures(jdbc),
        new ImprovementFigures(jdbc, TopicVolume.over(jdbc, ImprovementProperties.defaults()),
            ImprovementProperties.defaults()), new ImprovementDeliveries(jdbc));
  }

  public Dashboard of(DashboardFilter filter) {
    summary.catchUp(DashboardSummary.DAYS_PER_READ);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return readOnly.execute(status -> new Dashboard(filter, volume.volume(filter), sla.sla(filter),
        sla.breaches(filter), stages.stageTimes(filter), stages.backlog(filter), satisfaction.satisfaction(filter),
        deliveries.addToDepartments(appraisal.byDepartment(filter), filter),
        deliveries.addToHandlers(appraisal.byHandler(filter), filter), improvements.improvements(filter, now)));
  }

  /** The summary behind the figures (the benchmark brings it up to date before it measures). */
  public DashboardSummary summary() {
    return summary;
  }
}
