package com.complaintdesk.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** All figures of the dashboard for a filter, read in one transaction so that they agree with each other. */
@Component
public class DashboardFigures {

  private final VolumeFigures volume;
  private final SlaFigures sla;
  private final StageFigures stages;
  private final SatisfactionFigures satisfaction;
  private final AppraisalFigures appraisal;

  DashboardFigures(VolumeFigures volume, SlaFigures sla, StageFigures stages, SatisfactionFigures satisfaction,
      AppraisalFigures appraisal) {
    this.volume = volume;
    this.sla = sla;
    this.stages = stages;
    this.satisfaction = satisfaction;
    this.appraisal = appraisal;
  }

  /** The figures over a database outside the app (tests, the benchmark); the caller sets the transaction. */
  public static DashboardFigures over(JdbcClient jdbc) {
    return new DashboardFigures(new VolumeFigures(jdbc), new SlaFigures(jdbc), new StageFigures(jdbc),
        new SatisfactionFigures(jdbc), new AppraisalFigures(jdbc));
  }

  @Transactional(readOnly = true)
  public Dashboard of(DashboardFilter filter) {
    return new Dashboard(filter, volume.volume(filter), sla.sla(filter), sla.breaches(filter),
        stages.stageTimes(filter), stages.backlog(filter), satisfaction.satisfaction(filter),
        appraisal.byDepartment(filter), appraisal.byHandler(filter));
  }
}
