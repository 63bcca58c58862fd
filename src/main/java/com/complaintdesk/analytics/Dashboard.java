package com.complaintdesk.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every figure of the dashboard for one filter: what the page draws, the JSON API returns and the CSV export
 * writes. Shares are percentages with one decimal, times hours with one decimal; null where nothing was counted.
 */
public record Dashboard(DashboardFilter filter, Volume volume, Sla sla, List<Breach> breaches,
    List<StageTime> stageTimes, List<Backlog> backlog, Satisfaction satisfaction, List<Appraisal> departments,
    List<Appraisal> handlers, Improvements improvements) {

  /** Complaints of a week (labelled by its Monday) with one value of a key, e.g. category FUNCTIONAL. */
  public record WeeklyCount(LocalDate week, String key, long complaints) {
  }

  public record Count(String key, long complaints) {
  }

  /** Complaints received, by week and category, by week and channel; the declared types users name most. */
  public record Volume(long complaints, List<WeeklyCount> byCategory, List<WeeklyCount> byChannel,
      List<Count> hotTopics) {
  }

  /**
   * Deadlines met among those decided (met, or missed) of a department and/or week (null = all): logged within the
   * logging deadline (24 hours), initial plan within the response deadline.
   */
  public record Compliance(String department, LocalDate week, long loggingMet, long loggingDecided,
      Double loggingPercent, long responseMet, long responseDecided, Double responsePercent) {
  }

  public record Sla(Compliance overall, List<Compliance> byDepartment, List<Compliance> byWeek,
      List<Compliance> byDepartmentAndWeek) {
  }

  /** A missed deadline; the tracking number opens the complaint's audit page. */
  public record Breach(String trackingNumber, String deadline, Instant dueAt, Instant recordedAt, String department) {
  }

  /** How long complaints spent in a stage (those that have passed it): median and 90th percentile. */
  public record StageTime(String stage, long complaints, Double medianHours, Double p90Hours) {
  }

  /** Complaints open now in a status and department, and the day the oldest of them came in: where it stalls. */
  public record Backlog(String status, String department, long complaints, LocalDate oldestReceivedDay) {
  }

  /**
   * The users' verdicts: how many gave each mark (1-5) and the average; reopened among resolved complaints; users
   * customer service could not reach among those whose feedback was due.
   */
  public record Satisfaction(List<Count> distribution, Double average, long reopened, long resolved,
      Double reopenPercent, long notReached, long feedbackDue, Double noAnswerPercent) {
  }

  /**
   * The appraisal figures of a department or handler; with the improvement actions it delivered in the period (as
   * their owner, or as the owning department) and how many of them by their due date.
   */
  public record Appraisal(String name, long complaints, long handled, long open, Double responseWithinSlaPercent,
      Double medianHoursToPlan, Double averageSatisfaction, Double reopenPercent, long improvementsDelivered,
      long improvementsOnTime, Double improvementsOnTimePercent) {

    /** The complaint figures alone, before the improvements are added. */
    Appraisal(String name, long complaints, long handled, long open, Double responseWithinSlaPercent,
        Double medianHoursToPlan, Double averageSatisfaction, Double reopenPercent) {
      this(name, complaints, handled, open, responseWithinSlaPercent, medianHoursToPlan, averageSatisfaction,
          reopenPercent, 0, 0, null);
    }
  }

  /**
   * The improvement actions: per department; the hot topics of the period that got an action; the complaints per week
   * of each action's topic before and after it.
   */
  public record Improvements(List<ImprovementCounts> byDepartment, HotTopicShare hotTopics,
      List<ImprovementVolume> actions) {
  }

  /**
   * A department's improvement actions: open and overdue now (whatever the period); delivered, declined and delivered
   * on time among those that ended in the period. Overdue: the owner is not named or the proposal not made after the
   * proposal time, or the improvement not carried out by its due date.
   */
  public record ImprovementCounts(String department, long open, long overdue, long delivered, long declined,
      long deliveredOnTime, Double onTimePercent) {
  }

  /** The hot topics detected in the period, and those whose action was not declined by the department's lead. */
  public record HotTopicShare(long hotTopics, long withAction, Double percent) {
  }

  /**
   * An action running or delivered in the period, with its topic's complaints per week: before, in the baseline weeks
   * up to its start; after, since it was carried out (null until then).
   */
  public record ImprovementVolume(String reference, String topic, String department, String status, Instant createdAt,
      Instant dueAt, Instant implementedAt, Double complaintsPerWeekBefore, Double complaintsPerWeekAfter) {
  }
}
