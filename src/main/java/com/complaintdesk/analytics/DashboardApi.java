package com.complaintdesk.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dashboard's figures as JSON and CSV: for BI tools under /api/analytics (HTTP Basic), for the dashboard page
 * under /staff/dashboard (its session). Complaint managers, auditors and administrators only (WebSecurity).
 */
@RestController
class DashboardApi {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final String FROM = "The first day of the period (UTC), e.g. 2026-11-01; default: 89 days before `to`";
  private static final String TO = "The last day of the period (UTC), included; default: today";

  private final DashboardFigures figures;

  DashboardApi(DashboardFigures figures) {
    this.figures = figures;
  }

  @GetMapping(path = {"/api/analytics/dashboard", "/staff/dashboard/data"}, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "getDashboard", summary = "Every figure of the dashboard for a filter",
      security = @SecurityRequirement(name = "analyticsLogin"))
  Dashboard dashboard(
      @Parameter(description = FROM) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate from,
      @Parameter(description = TO) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate to,
      @Parameter(description = "Only this channel, e.g. EMAIL") @RequestParam(required = false) String channel,
      @Parameter(description = "Only this category, e.g. FUNCTIONAL") @RequestParam(required = false) String category,
      @Parameter(description = "Only this priority, e.g. HIGH") @RequestParam(required = false) String priority,
      @Parameter(description = "Only this department, e.g. TECH_SUPPORT") @RequestParam(required = false)
      String department) {
    return figures.of(filter(from, to, channel, category, priority, department));
  }

  @GetMapping(path = {"/api/analytics/{figure}.csv", "/staff/dashboard/{figure}.csv"})
  @Operation(operationId = "exportFigure", summary = "One figure of the dashboard as CSV, for a filter",
      security = @SecurityRequirement(name = "analyticsLogin"),
      responses = @ApiResponse(responseCode = "200", description = "The figure: a header row, then one row each",
          content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
  ResponseEntity<String> csv(
      @Parameter(description = "The figure: backlog, breaches, departments, handlers, hot-topic-actions, hot-topics,"
          + " improvement-actions, improvements-by-department, satisfaction, sla-by-department,"
          + " sla-by-department-and-week, sla-by-week, stage-times, volume-by-category, volume-by-channel")
      @PathVariable String figure,
      @Parameter(description = FROM) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate from,
      @Parameter(description = TO) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate to,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String category,
      @RequestParam(required = false) String priority, @RequestParam(required = false) String department) {
    if (!DashboardCsv.exists(figure)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No figure '" + figure + "'; the figures are "
          + String.join(", ", DashboardCsv.figures()) + ".");
    }
    DashboardFilter filter = filter(from, to, channel, category, priority, department);
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + figure + "-" + filter.from() + "-" + filter.to() + ".csv\"")
        .body(DashboardCsv.write(figure, figures.of(filter)));
  }

  static DashboardFilter filter(LocalDate from, LocalDate to, String channel, String category, String priority,
      String department) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    return DashboardFilter.of(from, to, channel, category, priority, department, today);
  }
}
