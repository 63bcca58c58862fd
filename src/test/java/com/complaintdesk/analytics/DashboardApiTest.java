package com.complaintdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.HttpClient;
import com.complaintdesk.security.WebappBrowser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

/**
 * The dashboard's figures over HTTP: JSON and CSV for BI tools (HTTP Basic) and for the page (its session), with
 * the filter in the query and readable 4xx answers for a filter that cannot be applied.
 */
@ComplaintDeskTest
class DashboardApiTest {

  /** Weeks of 2020 nothing else in the suite lands in, one per test: what is counted there is the test's alone. */
  private static final String WEEK = "from=2020-02-03&to=2020-02-09";
  private static final String MARCH_WEEK = "from=2020-03-02&to=2020-03-08";
  private static final String APRIL_WEEK = "from=2020-04-06&to=2020-04-12";

  @LocalServerPort int port;
  HttpClient http;

  @BeforeEach
  void client() {
    http = new HttpClient(port);
  }

  private void surveyComplaintReceivedOn(String day) {
    var handedIn = http.post("/api/intake", "agent", """
        {"channel": "SURVEY", "receivedAt": "%sT10:00:00Z", "rawText": "The app is slow at night",
         "contact": {"email": "dashboard.test@example.org"}}
        """.formatted(day));
    assertThat(handedIn.status()).isEqualTo(201);
  }

  @Test
  void biToolsReadTheFiguresOfAFilterAsJson() {
    surveyComplaintReceivedOn("2020-02-04");

    var figures = http.get("/api/analytics/dashboard?" + WEEK + "&channel=SURVEY", "auditor");

    assertThat(figures.status()).isEqualTo(200);
    assertThat(figures.<Integer>json("$.volume.complaints")).isEqualTo(1);
    assertThat(figures.<List<Map<String, Object>>>json("$.volume.byChannel")).containsExactly(
        Map.of("week", "2020-02-03", "key", "SURVEY", "complaints", 1));
    assertThat(figures.<String>json("$.filter.from")).isEqualTo("2020-02-03");
    assertThat(figures.<List<Object>>json("$.stageTimes")).hasSize(5);
    assertThat(figures.<List<Object>>json("$.satisfaction.distribution")).hasSize(5);
    assertThat(http.get("/api/analytics/dashboard?" + WEEK + "&channel=EMAIL", "auditor")
        .<Integer>json("$.volume.complaints")).isZero();
  }

  @Test
  void eachFigureExportsAsCsvWithAHeaderRow() {
    surveyComplaintReceivedOn("2020-03-03");

    var csv = http.get("/api/analytics/volume-by-channel.csv?" + MARCH_WEEK, "manager");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"volume-by-channel-2020-03-02-2020-03-08.csv\"");
    assertThat(csv.body().split("\r\n")).containsExactly("week,channel,complaints", "2020-03-02,SURVEY,1");
    for (String figure : DashboardCsv.figures()) {
      var export = http.get("/api/analytics/" + figure + ".csv?" + WEEK, "manager");
      assertThat(export.status()).as(figure).isEqualTo(200);
      assertThat(export.body()).as(figure).isNotBlank();
    }
  }

  @Test
  void theDashboardPageReadsTheSameFiguresWithItsSession() {
    surveyComplaintReceivedOn("2020-04-07");
    var manager = new WebappBrowser(port, "default");
    manager.logInToStaffPages("manager", "demo");

    var page = manager.get("/staff/dashboard?" + APRIL_WEEK);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("value=\"2020-04-06\"", "/webjars/chart.js/4.4.1/dist/chart.umd.js");
    var data = manager.get("/staff/dashboard/data?" + APRIL_WEEK + "&channel=SURVEY");
    assertThat(data.statusCode()).isEqualTo(200);
    assertThat(data.body()).contains("\"volume\":{\"complaints\":1,");
    assertThat(manager.get("/staff/dashboard/backlog.csv?" + APRIL_WEEK).statusCode()).isEqualTo(200);
    assertThat(manager.get("/webjars/chart.js/4.4.1/dist/chart.umd.js").statusCode()).isEqualTo(200);
  }

  @Test
  void aFilterThatCannotBeAppliedGetsAReadable400() {
    var reversed = http.get("/api/analytics/dashboard?from=2020-02-09&to=2020-02-03", "manager");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.headers().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(reversed.<String>json("$.detail")).contains("from (2020-02-09) must not be after to (2020-02-03)");

    var injected = http.get("/api/analytics/dashboard?department=x%27%20or%201%3D1", "manager");
    assertThat(injected.status()).isEqualTo(400);
    assertThat(injected.<String>json("$.detail")).contains("department must be an id");

    var notADate = http.get("/api/analytics/dashboard?from=yesterday", "manager");
    assertThat(notADate.status()).isEqualTo(400);
    assertThat(notADate.<String>json("$.detail")).contains("from");

    var unknownFigure = http.get("/api/analytics/everything.csv", "manager");
    assertThat(unknownFigure.status()).isEqualTo(404);
    assertThat(unknownFigure.<String>json("$.detail")).contains("No figure 'everything'", "stage-times");
  }

  @Test
  void theFiguresAreReadOnly() {
    assertThat(http.post("/api/analytics/dashboard", "manager", "{}").status()).isEqualTo(403);
  }
}
