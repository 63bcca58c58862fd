package com.complaintdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.complaintdesk.analytics.Dashboard.Appraisal;
import com.complaintdesk.analytics.Dashboard.Backlog;
import com.complaintdesk.analytics.Dashboard.Breach;
import com.complaintdesk.analytics.Dashboard.Compliance;
import com.complaintdesk.analytics.Dashboard.Count;
import com.complaintdesk.analytics.Dashboard.StageTime;
import com.complaintdesk.analytics.Dashboard.WeeklyCount;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every figure of the dashboard, and every filter, on a set of complaints whose answers are known: ten of product
 * in the week of 3 March 2025 (three plans late, one logged late), four of design in the week after (all in time),
 * one not yet logged, and one of January outside the period.
 */
class DashboardFiguresTest {

  private static final LocalDate MARCH_1 = LocalDate.parse("2025-03-01");
  private static final LocalDate MARCH_31 = LocalDate.parse("2025-03-31");
  private static final LocalDate WEEK_1 = LocalDate.parse("2025-03-03");
  private static final LocalDate WEEK_2 = LocalDate.parse("2025-03-10");

  private static FactFixture fixture;
  private static DashboardFigures figures;

  @BeforeAll
  static void complaintsWithKnownAnswers() {
    fixture = new FactFixture();
    // Product: logged after 1..9 hours and one after 30 (late), assigned 2 hours later, alternately to two
    // handlers; the first three plans take 4 days (late), the others 1 day; all resolved 2 days later.
    int[] marks = {5, 4, 4, 2, 1};
    for (int i = 0; i < 10; i++) {
      var complaint = fixture.receivedAt("2025-03-03T09:00:00Z").channel(i < 6 ? "EMAIL" : "HOTLINE")
          .declaredType(i < 7 ? "FUNCTIONAL" : null).classified("FUNCTIONAL", "MEDIUM", "PRODUCT")
          .loggedAfter(Duration.ofHours(i == 9 ? 30 : i + 1))
          .assignedAfter(i % 2 == 0 ? "handler-product" : "handler-product2", Duration.ofHours(2))
          .plannedAfter(Duration.ofDays(i < 3 ? 4 : 1))
          .resolvedAfter(Duration.ofDays(2));
      if (i < 5) {
        complaint.closedAfter(Duration.ofDays(1), marks[i]);
      } else if (i == 8) {
        complaint.closedAfter(Duration.ofDays(1), null).userNotReached();
      } else if (i == 9) {
        complaint.closedAfter(Duration.ofDays(1), 3);
      }
      if (i == 3) {
        complaint.reopened(1);
      }
      complaint.save();
    }
    // Design: web complaints, logged at once, assigned an hour later, planned 12 hours after that.
    for (int i = 0; i < 4; i++) {
      fixture.receivedAt("2025-03-1" + i + "T10:00:00Z").declaredType("EXPERIENCE")
          .classified("EXPERIENCE", "LOW", "DESIGN").loggedAfter(Duration.ZERO)
          .assignedAfter("handler-design", Duration.ofHours(1)).plannedAfter(Duration.ofHours(12)).save();
    }
    fixture.receivedAt("2025-03-12T08:00:00Z").channel("EMAIL").declaredType("OTHER").save();
    fixture.receivedAt("2025-01-15T08:00:00Z").channel("HOTLINE").declaredType("FUNCTIONAL")
        .classified("FUNCTIONAL", "MEDIUM", "PRODUCT").loggedAfter(Duration.ofHours(30))
        .assignedAfter("handler-product", Duration.ofHours(1)).plannedAfter(Duration.ofDays(5))
        .resolvedAfter(Duration.ofDays(1)).closedAfter(Duration.ofDays(1), 1).save();
    figures = DashboardFigures.over(fixture.dataSource);
  }

  private static Dashboard march() {
    return figures.of(new DashboardFilter(MARCH_1, MARCH_31, null, null, null, null));
  }

  @Test
  void volumeIsCountedByWeekAndCategoryAndChannelWithinThePeriod() {
    var volume = march().volume();

    assertThat(volume.complaints()).isEqualTo(15);
    assertThat(volume.byCategory()).containsExactly(new WeeklyCount(WEEK_1, "FUNCTIONAL", 10),
        new WeeklyCount(WEEK_2, "EXPERIENCE", 4), new WeeklyCount(WEEK_2, DaySummaries.NONE, 1));
    assertThat(volume.byChannel()).containsExactly(new WeeklyCount(WEEK_1, "EMAIL", 6),
        new WeeklyCount(WEEK_1, "HOTLINE", 4), new WeeklyCount(WEEK_2, "EMAIL", 1),
        new WeeklyCount(WEEK_2, "WEB_FORM", 4));
  }

  @Test
  void hotTopicsAreTheDeclaredTypesNamedMost() {
    assertThat(march().volume().hotTopics()).containsExactly(new Count("FUNCTIONAL", 7), new Count("EXPERIENCE", 4),
        new Count("OTHER", 1));
  }

  @Test
  void threeLatePlansOfTenAreSeventyPercentWithinTheResponseDeadline() {
    var sla = march().sla();

    // Decided: 14 logged (one not yet, no breach: still running); 14 planned.
    assertThat(sla.overall()).isEqualTo(new Compliance(null, null, 13, 14, 92.9, 11, 14, 78.6));
    assertThat(sla.byDepartment()).containsExactly(
        new Compliance("DESIGN", null, 4, 4, 100.0, 4, 4, 100.0),
        new Compliance(DaySummaries.NONE, null, 0, 0, null, 0, 0, null),
        new Compliance("PRODUCT", null, 9, 10, 90.0, 7, 10, 70.0));
    assertThat(sla.byWeek()).containsExactly(
        new Compliance(null, WEEK_1, 9, 10, 90.0, 7, 10, 70.0),
        new Compliance(null, WEEK_2, 4, 4, 100.0, 4, 4, 100.0));
    assertThat(sla.byDepartmentAndWeek()).extracting(Compliance::department, Compliance::week,
        Compliance::responsePercent).containsExactly(tuple("PRODUCT", WEEK_1, 70.0), tuple("DESIGN", WEEK_2, 100.0),
        tuple(DaySummaries.NONE, WEEK_2, null));
  }

  @Test
  void breachesOfThePeriodAreListedNewestFirst() {
    var breaches = march().breaches();

    assertThat(breaches).extracting(Breach::deadline).containsExactlyInAnyOrder("RESPONSE", "RESPONSE", "RESPONSE",
        "LOGGING");
    assertThat(breaches).extracting(Breach::department).containsOnly("PRODUCT");
    assertThat(breaches).extracting(Breach::recordedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(breaches).extracting(Breach::trackingNumber).allMatch(number -> number.startsWith("CD-FACT"));
  }

  @Test
  void stageTimesAreMediansAndNinetiethPercentilesOfThoseThatPassedTheStage() {
    var stages = march().stageTimes();

    assertThat(stages).extracting(StageTime::stage).containsExactly("RECEIVE_TO_LOG", "LOG_TO_ASSIGN",
        "ASSIGN_TO_PLAN", "PLAN_TO_RESOLVED", "RESOLVED_TO_CLOSED");
    // logged after 0,0,0,0 (design), 1..9 and 30 hours (product)
    assertStage(stages.get(0), 14, 3.5, 8.7);
    assertStage(stages.get(1), 14, 2.0, 2.0);
    // 12 hours x4, a day x7, four days x3
    assertStage(stages.get(2), 14, 24.0, 96.0);
    assertStage(stages.get(3), 10, 48.0, 48.0);
    assertStage(stages.get(4), 7, 24.0, 24.0);
  }

  /** Counts are exact; the hours come from 2 %-wide buckets of the summary (DurationHistogram). */
  private static void assertStage(StageTime stage, long complaints, double medianHours, double p90Hours) {
    assertThat(stage.complaints()).as(stage.stage()).isEqualTo(complaints);
    assertThat(stage.medianHours()).as(stage.stage() + " median").isCloseTo(medianHours, within(medianHours * 0.02 + 0.05));
    assertThat(stage.p90Hours()).as(stage.stage() + " 90th percentile").isCloseTo(p90Hours, within(p90Hours * 0.02 + 0.05));
  }

  @Test
  void backlogIsWhatIsOpenNowByStatusAndDepartment() {
    assertThat(march().backlog()).extracting(Backlog::status, Backlog::department, Backlog::complaints)
        .containsExactly(tuple("RECEIVED", DaySummaries.NONE, 1L), tuple("PLANNED", "DESIGN", 4L),
            tuple("RESOLVED", "PRODUCT", 3L));
    // the backlog is now, whatever the period
    assertThat(figures.of(new DashboardFilter(WEEK_2, WEEK_2, null, null, null, null)).backlog()).hasSize(3);
  }

  @Test
  void satisfactionReopenAndNoAnswerRates() {
    var satisfaction = march().satisfaction();

    assertThat(satisfaction.distribution()).containsExactly(new Count("1", 1), new Count("2", 1), new Count("3", 1),
        new Count("4", 2), new Count("5", 1));
    assertThat(satisfaction.average()).isEqualTo(3.17);
    assertThat(satisfaction.reopenPercent()).isEqualTo(10.0);
    assertThat(satisfaction.notReached()).isEqualTo(1);
    assertThat(satisfaction.feedbackDue()).isEqualTo(7);
    assertThat(satisfaction.noAnswerPercent()).isEqualTo(14.3);
  }

  @Test
  void appraisalPerDepartmentAndPerHandler() {
    var dashboard = march();

    assertThat(dashboard.departments()).extracting(Appraisal::name, Appraisal::complaints, Appraisal::handled,
        Appraisal::open, Appraisal::responseWithinSlaPercent, Appraisal::averageSatisfaction, Appraisal::reopenPercent)
        .containsExactly(tuple("DESIGN", 4L, 0L, 4L, 100.0, null, null), tuple("PRODUCT", 10L, 7L, 3L, 70.0, 3.17, 10.0));
    assertThat(dashboard.handlers()).extracting(Appraisal::name, Appraisal::complaints, Appraisal::handled,
        Appraisal::open, Appraisal::responseWithinSlaPercent, Appraisal::averageSatisfaction, Appraisal::reopenPercent)
        .containsExactly(tuple("handler-design", 4L, 0L, 4L, 100.0, null, null),
            tuple("handler-product", 5L, 4L, 1L, 60.0, 3.33, 0.0),
            tuple("handler-product2", 5L, 3L, 2L, 80.0, 3.0, 20.0));
    // median hours from assignment to plan: 12 for design, a day for product (three of ten took four days)
    assertThat(dashboard.departments()).extracting(Appraisal::medianHoursToPlan)
        .satisfiesExactly(design -> assertThat(design).isCloseTo(12.0, within(0.3)),
            product -> assertThat(product).isCloseTo(24.0, within(0.5)));
    assertThat(dashboard.handlers()).extracting(Appraisal::medianHoursToPlan)
        .allSatisfy(hours -> assertThat(hours).isBetween(11.7, 24.5));
  }

  @Test
  void everyFilterNarrowsEveryFigure() {
    Map<DashboardFilter, Long> expected = Map.of(
        new DashboardFilter(MARCH_1, MARCH_31, "HOTLINE", null, null, null), 4L,
        new DashboardFilter(MARCH_1, MARCH_31, null, "EXPERIENCE", null, null), 4L,
        new DashboardFilter(MARCH_1, MARCH_31, null, null, "MEDIUM", null), 10L,
        new DashboardFilter(MARCH_1, MARCH_31, null, null, null, "DESIGN"), 4L,
        new DashboardFilter(WEEK_2, WEEK_2.plusDays(6), null, null, null, null), 5L,
        new DashboardFilter(LocalDate.parse("2025-01-01"), MARCH_31, null, null, null, "PRODUCT"), 11L);
    expected.forEach((filter, complaints) -> assertThat(figures.of(filter).volume().complaints()).as(filter.toString())
        .isEqualTo(complaints));

    var hotline = figures.of(new DashboardFilter(MARCH_1, MARCH_31, "HOTLINE", null, null, null));
    assertThat(hotline.sla().overall()).isEqualTo(new Compliance(null, null, 3, 4, 75.0, 4, 4, 100.0));
    assertThat(hotline.breaches()).extracting(Breach::deadline).containsExactly("LOGGING");
    assertStage(hotline.stageTimes().get(0), 4, 8.5, 23.7);
    assertThat(hotline.backlog()).extracting(Backlog::complaints).containsExactly(2L);
    assertThat(hotline.satisfaction().feedbackDue()).isEqualTo(2);
    assertThat(hotline.departments()).extracting(Appraisal::name, Appraisal::complaints)
        .containsExactly(tuple("PRODUCT", 4L));

    // Under three filters, hot topics and handlers come from the facts, not the summary: the same figures (the
    // time to plan exact here).
    var productMedium = figures.of(new DashboardFilter(MARCH_1, MARCH_31, null, "FUNCTIONAL", "MEDIUM", "PRODUCT"));
    assertThat(productMedium.volume().hotTopics()).containsExactly(new Count("FUNCTIONAL", 7));
    assertThat(productMedium.handlers()).containsExactly(
        new Appraisal("handler-product", 5, 4, 1, 60.0, 24.0, 3.33, 0.0),
        new Appraisal("handler-product2", 5, 3, 2, 80.0, 24.0, 3.0, 20.0));
    assertThat(productMedium.sla().overall().responsePercent()).isEqualTo(70.0);

    var withJanuary = figures.of(new DashboardFilter(LocalDate.parse("2025-01-01"), MARCH_31, null, null, null,
        "PRODUCT"));
    assertThat(withJanuary.sla().overall().responsePercent()).isEqualTo(63.6);
    assertThat(withJanuary.breaches()).hasSize(6);
  }

  @Test
  void aFilterThatCannotBeAppliedIsRefusedWithItsReason() {
    assertThatThrownBy(() -> new DashboardFilter(MARCH_31, MARCH_1, null, null, null, null))
        .isInstanceOf(InvalidDashboardFilter.class).hasMessageContaining("must not be after");
    assertThatThrownBy(() -> new DashboardFilter(MARCH_1, MARCH_31, null, null, null, "design'; drop table x"))
        .isInstanceOf(InvalidDashboardFilter.class).hasMessageContaining("department must be an id");
  }
}
