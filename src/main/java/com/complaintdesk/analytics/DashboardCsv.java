package com.complaintdesk.analytics;

import com.complaintdesk.analytics.Dashboard.Appraisal;
import com.complaintdesk.analytics.Dashboard.Compliance;
import com.complaintdesk.analytics.Dashboard.WeeklyCount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The dashboard's figures as CSV tables, one per figure, for spreadsheets and BI tools. */
final class DashboardCsv {

  private static final Map<String, Function<Dashboard, List<List<Object>>>> FIGURES = Map.ofEntries(
      Map.entry("volume-by-category", dashboard -> weekly("category", dashboard.volume().byCategory())),
      Map.entry("volume-by-channel", dashboard -> weekly("channel", dashboard.volume().byChannel())),
      Map.entry("hot-topics", dashboard -> table(List.of("declared_type", "complaints"),
          dashboard.volume().hotTopics().stream().map(count -> List.<Object>of(count.key(), count.complaints())))),
      Map.entry("sla-by-department", dashboard -> compliance(dashboard.sla().byDepartment())),
      Map.entry("sla-by-week", dashboard -> compliance(dashboard.sla().byWeek())),
      Map.entry("sla-by-department-and-week", dashboard -> compliance(dashboard.sla().byDepartmentAndWeek())),
      Map.entry("breaches", dashboard -> table(
          List.of("tracking_number", "deadline", "due_at", "recorded_at", "department"),
          dashboard.breaches().stream().map(breach -> Arrays.<Object>asList(breach.trackingNumber(), breach.deadline(),
              breach.dueAt(), breach.recordedAt(), breach.department())))),
      Map.entry("stage-times", dashboard -> table(List.of("stage", "complaints", "median_hours", "p90_hours"),
          dashboard.stageTimes().stream().map(stage -> Arrays.<Object>asList(stage.stage(), stage.complaints(),
              stage.medianHours(), stage.p90Hours())))),
      Map.entry("backlog", dashboard -> table(List.of("status", "department", "complaints", "oldest_received_day"),
          dashboard.backlog().stream().map(open -> Arrays.<Object>asList(open.status(), open.department(),
              open.complaints(), open.oldestReceivedDay())))),
      Map.entry("satisfaction", dashboard -> satisfaction(dashboard.satisfaction())),
      Map.entry("departments", dashboard -> appraisal("department", dashboard.departments())),
      Map.entry("handlers", dashboard -> appraisal("handler", dashboard.handlers())),
      Map.entry("improvements-by-department", dashboard -> table(List.of("department", "open", "overdue", "delivered",
              "declined", "delivered_on_time", "on_time_percent"),
          dashboard.improvements().byDepartment().stream().map(row -> Arrays.<Object>asList(row.department(),
              row.open(), row.overdue(), row.delivered(), row.declined(), row.deliveredOnTime(),
              row.onTimePercent())))),
      Map.entry("hot-topic-actions", dashboard -> {
        var share = dashboard.improvements().hotTopics();
        return table(List.of("hot_topics", "with_action", "percent"),
            Stream.of(Arrays.<Object>asList(share.hotTopics(), share.withAction(), share.percent())));
      }),
      Map.entry("improvement-actions", dashboard -> table(List.of("reference", "topic", "department", "status",
              "created_at", "due_at", "implemented_at", "complaints_per_week_before", "complaints_per_week_after"),
          dashboard.improvements().actions().stream().map(action -> Arrays.<Object>asList(action.reference(),
              action.topic(), action.department(), action.status(), action.createdAt(), action.dueAt(),
              action.implementedAt(), action.complaintsPerWeekBefore(), action.complaintsPerWeekAfter())))));

  private DashboardCsv() {
  }

  static List<String> figures() {
    return FIGURES.keySet().stream().sorted().toList();
  }

  static boolean exists(String figure) {
    return FIGURES.containsKey(figure);
  }

  static String write(String figure, Dashboard dashboard) {
    return FIGURES.get(figure).apply(dashboard).stream()
        .map(row -> row.stream().map(DashboardCsv::cell).collect(Collectors.joining(",")))
        .collect(Collectors.joining("\r\n", "", "\r\n"));
  }

  private static List<List<Object>> weekly(String key, List<WeeklyCount> counts) {
    return table(List.of("week", key, "complaints"),
        counts.stream().map(count -> List.<Object>of(count.week(), count.key(), count.complaints())));
  }

  private static List<List<Object>> compliance(List<Compliance> rows) {
    return table(List.of("department", "week", "logging_met", "logging_decided", "logging_percent", "response_met",
            "response_decided", "response_percent"),
        rows.stream().map(row -> Arrays.<Object>asList(row.department(), row.week(), row.loggingMet(),
            row.loggingDecided(), row.loggingPercent(), row.responseMet(), row.responseDecided(),
            row.responsePercent())));
  }

  private static List<List<Object>> satisfaction(Dashboard.Satisfaction satisfaction) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("figure", "value"));
    satisfaction.distribution().forEach(mark -> rows.add(List.of("mark_" + mark.key(), mark.complaints())));
    rows.add(Arrays.asList("average", satisfaction.average()));
    rows.add(List.of("reopened", satisfaction.reopened()));
    rows.add(List.of("resolved", satisfaction.resolved()));
    rows.add(Arrays.asList("reopen_percent", satisfaction.reopenPercent()));
    rows.add(List.of("not_reached", satisfaction.notReached()));
    rows.add(List.of("feedback_due", satisfaction.feedbackDue()));
    rows.add(Arrays.asList("no_answer_percent", satisfaction.noAnswerPercent()));
    return rows;
  }

  private static List<List<Object>> appraisal(String key, List<Appraisal> rows) {
    return table(List.of(key, "complaints", "handled", "open", "response_within_sla_percent", "median_hours_to_plan",
            "average_satisfaction", "reopen_percent", "improvements_delivered", "improvements_on_time",
            "improvements_on_time_percent"),
        rows.stream().map(row -> Arrays.<Object>asList(row.name(), row.complaints(), row.handled(), row.open(),
            row.responseWithinSlaPercent(), row.medianHoursToPlan(), row.averageSatisfaction(), row.reopenPercent(),
            row.improvementsDelivered(), row.improvementsOnTime(), row.improvementsOnTimePercent())));
  }

  private static List<List<Object>> table(List<String> header, Stream<List<Object>> rows) {
    List<List<Object>> table = new ArrayList<>();
    table.add(List.copyOf(header));
    rows.forEach(table::add);
    return table;
  }

  // Quoted where needed; a text a spreadsheet would run as a formula gets a leading apostrophe.
  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return text.matches("[^\",\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
