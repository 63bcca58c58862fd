package com.complaintdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.complaintdesk.analytics.Dashboard.Appraisal;
import com.complaintdesk.analytics.Dashboard.HotTopicShare;
import com.complaintdesk.analytics.Dashboard.ImprovementCounts;
import com.complaintdesk.analytics.Dashboard.ImprovementVolume;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The improvement figures of June 2025, on the engine clock's 30 June: tech support has one action waiting too long
 * for its owner, one proposing in time, one past its due date and one delivered on time; product one delivered late
 * and one declined; one delivered in March is outside the period. Three hot topics in June, one of them declined.
 */
class ImprovementFiguresTest {

  private static final Instant NOW = Instant.parse("2025-06-30T00:00:00Z");
  private static final LocalDate JUNE_1 = LocalDate.parse("2025-06-01");
  private static final LocalDate JUNE_30 = LocalDate.parse("2025-06-30");

  private static FactFixture fixture;
  private static DashboardFigures figures;
  private static long nextComplaint = 1_000;

  @BeforeAll
  static void actionsWithKnownAnswers() {
    fixture = new FactFixture();
    action(1, "EXPERIENCE", "TECH_SUPPORT", "OWNER_TO_BE_NAMED", null, "2025-06-24T00:00:00Z", null, null, null, null);
    action(2, "EXPERIENCE", "TECH_SUPPORT", "PROPOSING", null, "2025-06-28T00:00:00Z", null, null, null, null);
    action(3, "EXPERIENCE", "TECH_SUPPORT", "IMPLEMENTING", "handler-tech", "2025-06-02T00:00:00Z",
        "2025-06-29T00:00:00Z", null, null, null);
    // the whole FUNCTIONAL category: 8 complaints in the 4 weeks before its start, 2 in the 14 days since
    action(4, "FUNCTIONAL", "TECH_SUPPORT", "DELIVERED", "handler-tech", "2025-05-26T00:00:00Z",
        "2025-06-18T00:00:00Z", "2025-06-16T00:00:00Z", "2025-06-20T00:00:00Z", true);
    action(5, "PAYMENT", "PRODUCT", "DELIVERED", "handler-product", "2025-05-01T00:00:00Z", "2025-06-10T00:00:00Z",
        "2025-06-12T00:00:00Z", "2025-06-25T00:00:00Z", false);
    action(6, "PAYMENT", "PRODUCT", "DECLINED", null, "2025-06-03T00:00:00Z", null, null, "2025-06-05T00:00:00Z",
        null);
    action(7, "PAYMENT", "PRODUCT", "DELIVERED", "handler-product", "2025-02-01T00:00:00Z", "2025-03-01T00:00:00Z",
        "2025-02-20T00:00:00Z", "2025-03-20T00:00:00Z", true);
    hotTopic("2025-06-03T00:00:00Z", 6);
    hotTopic("2025-05-26T00:00:00Z", null);
    hotTopic("2025-06-10T00:00:00Z", 1);
    hotTopic("2025-06-24T00:00:00Z", 3);
    hotTopic("2025-03-01T00:00:00Z", 7);
    for (int day = 0; day < 8; day++) {
      complaint("FUNCTIONAL", Instant.parse("2025-04-28T12:00:00Z").plus(Duration.ofDays(day * 3L)));
    }
    complaint("FUNCTIONAL", Instant.parse("2025-06-20T12:00:00Z"));
    complaint("FUNCTIONAL", Instant.parse("2025-06-25T12:00:00Z"));
    complaint("FUNCTIONAL", Instant.parse("2025-04-01T12:00:00Z"));
    figures = DashboardFigures.over(fixture.dataSource);
  }

  @BeforeEach
  void thirtiethOfJune() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private static Dashboard june(String department) {
    return figures.of(new DashboardFilter(JUNE_1, JUNE_30, null, null, null, department));
  }

  @Test
  void eachDepartmentCountsOpenAndOverdueNowAndWhatEndedInThePeriod() {
    assertThat(june(null).improvements().byDepartment()).containsExactly(
        new ImprovementCounts("PRODUCT", 0, 0, 1, 1, 0, 0.0),
        new ImprovementCounts("TECH_SUPPORT", 3, 2, 1, 0, 1, 100.0));
    assertThat(june("PRODUCT").improvements().byDepartment()).extracting(ImprovementCounts::department)
        .containsExactly("PRODUCT");
  }

  @Test
  void anOwnerWhoHasNotProposedWithinTheProposalTimeIsOverdueOnlyOnceItHasPassed() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-06-28T12:00:00Z")));

    // five days after 24 June: not yet; action 3 was due on the 29th: not yet either
    assertThat(june("TECH_SUPPORT").improvements().byDepartment()).singleElement()
        .extracting(ImprovementCounts::overdue).isEqualTo(0L);
  }

  @Test
  void aHotTopicWhoseActionWasDeclinedDidNotGetAnAction() {
    assertThat(june(null).improvements().hotTopics()).isEqualTo(new HotTopicShare(3, 2, 66.7));
    assertThat(june("PRODUCT").improvements().hotTopics()).as("no department filter on hot topics")
        .isEqualTo(new HotTopicShare(3, 2, 66.7));
  }

  @Test
  void theActionsOfThePeriodShowTheirTopicsComplaintsPerWeekBeforeAndAfter() {
    var actions = june(null).improvements().actions();

    assertThat(actions).extracting(ImprovementVolume::reference)
        .containsExactly("IA-00002", "IA-00001", "IA-00003", "IA-00004", "IA-00005");
    assertThat(actions).filteredOn(action -> action.reference().equals("IA-00004")).singleElement()
        .satisfies(delivered -> {
          assertThat(delivered.topic()).isEqualTo("FUNCTIONAL");
          assertThat(delivered.status()).isEqualTo("DELIVERED");
          assertThat(delivered.dueAt()).isEqualTo(Instant.parse("2025-06-18T00:00:00Z"));
          assertThat(delivered.complaintsPerWeekBefore()).isEqualTo(2.0);
          assertThat(delivered.complaintsPerWeekAfter()).isEqualTo(1.0);
        });
    assertThat(actions).filteredOn(action -> action.reference().equals("IA-00002")).singleElement()
        .extracting(ImprovementVolume::complaintsPerWeekAfter).as("not carried out yet").isNull();
  }

  @Test
  void theAppraisalGainsTheImprovementsEachOwnerAndDepartmentDeliveredOnTime() {
    var dashboard = june(null);

    assertThat(dashboard.handlers()).extracting(Appraisal::name, Appraisal::improvementsDelivered,
            Appraisal::improvementsOnTime, Appraisal::improvementsOnTimePercent)
        .containsExactly(tuple("handler-product", 1L, 0L, 0.0), tuple("handler-tech", 1L, 1L, 100.0));
    assertThat(dashboard.departments()).extracting(Appraisal::name, Appraisal::improvementsDelivered,
            Appraisal::improvementsOnTimePercent)
        .containsExactly(tuple("PRODUCT", 1L, 0.0), tuple("TECH_SUPPORT", 1L, 100.0));
  }

  @Test
  void theCsvExportCarriesTheSameFigures() {
    var dashboard = june(null);

    assertThat(DashboardCsv.write("improvements-by-department", dashboard).split("\r\n")).containsExactly(
        "department,open,overdue,delivered,declined,delivered_on_time,on_time_percent",
        "PRODUCT,0,0,1,1,0,0.0", "TECH_SUPPORT,3,2,1,0,1,100.0");
    assertThat(DashboardCsv.write("hot-topic-actions", dashboard).split("\r\n"))
        .containsExactly("hot_topics,with_action,percent", "3,2,66.7");
    assertThat(DashboardCsv.write("improvement-actions", dashboard)).contains(
        "IA-00004,FUNCTIONAL,TECH_SUPPORT,DELIVERED,2025-05-26T00:00:00Z,2025-06-18T00:00:00Z,2025-06-16T00:00:00Z,2.0,1.0");
    assertThat(DashboardCsv.write("handlers", dashboard).split("\r\n")[0]).endsWith(
        ",improvements_delivered,improvements_on_time,improvements_on_time_percent");
  }

  private static void action(long id, String category, String department, String status, String owner,
      String createdAt, String dueAt, String implementedAt, String endedAt, Boolean onTime) {
    fixture.jdbc.sql("""
            insert into improvement_action (id, category, department, started_by, status, owner, created_at, due_at,
              implemented_at, ended_at, delivered_on_time)
            values (:id, :category, :department, 'manager', :status, :owner, :createdAt, :dueAt, :implementedAt,
              :endedAt, :onTime)
            """)
        .param("id", id).param("category", category).param("department", department).param("status", status)
        .param("owner", owner).param("createdAt", timestamp(createdAt)).param("dueAt", timestamp(dueAt))
        .param("implementedAt", timestamp(implementedAt)).param("endedAt", timestamp(endedAt)).param("onTime", onTime)
        .update();
  }

  private static void hotTopic(String detectedAt, Integer actionId) {
    fixture.jdbc.sql("""
            insert into hot_topic (category, detected_at, window_from, recent_count, weekly_average,
              improvement_action_id)
            values ('PAYMENT', :detectedAt, :detectedAt, 5, 1.00, :action)
            """)
        .param("detectedAt", timestamp(detectedAt)).param("action", actionId).update();
  }

  private static void complaint(String category, Instant receivedAt) {
    long id = nextComplaint++;
    fixture.jdbc.sql("""
            insert into complaint (id, tracking_number, access_token, channel, received_at, locale, status, category,
              created_at, updated_at)
            values (:id, :trackingNumber, 'token', 'WEB_FORM', :receivedAt, 'en', 'CLASSIFIED', :category, :receivedAt,
              :receivedAt)
            """)
        .param("id", id).param("trackingNumber", "CD-IMPR%06d".formatted(id)).param("category", category)
        .param("receivedAt", Timestamp.from(receivedAt)).update();
  }

  private static Timestamp timestamp(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }
}
