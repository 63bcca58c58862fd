package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.complaintdesk.ComplaintDeskTest;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The OpenAPI document describes exactly our JSON API, with what a client generator needs: operation ids,
 * the headers, the problem-detail errors and the staff login. Read through the dispatcher servlet without
 * the HTTP security filters, which decide separately who may fetch it.
 */
@ComplaintDeskTest
class OpenApiDocumentTest {

  static final String PROBLEM = "#/components/schemas/Problem";

  @Autowired WebApplicationContext context;
  DocumentContext document;

  @BeforeEach
  void fetch() throws Exception {
    var response = MockMvcBuilders.webAppContextSetup(context).build()
        .perform(get("/v3/api-docs")).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).startsWith("application/json");
    document = JsonPath.parse(response.getContentAsString());
  }

  @Test
  void listsTheTenOperationsOfTheApiAndNothingElse() {
    Map<String, Map<String, Object>> paths = document.read("$.paths");
    assertThat(paths).containsOnlyKeys("/api/complaints", "/api/complaints/{trackingNumber}",
        "/api/complaints/{trackingNumber}/answer", "/api/complaints/{trackingNumber}/survey",
        "/api/complaints/{trackingNumber}/withdraw", "/api/intake",
        "/api/intake/{trackingNumber}/unlink", "/api/channels/{channel}/messages", "/api/analytics/dashboard",
        "/api/analytics/{figure}.csv");
    assertThat(document.<List<String>>read("$.paths.*.*.operationId")).containsExactlyInAnyOrder(
        "submitComplaint", "getComplaintStatus", "answerQuestion", "answerSurvey", "withdrawComplaint", "captureComplaint",
        "unlinkSubmission", "receiveChannelMessage", "getDashboard", "exportFigure");
    assertThat(document.<String>read("$.info.title")).isEqualTo("complaint-desk API");
    assertThat(document.<String>read("$.info.description")).contains("64 KB", "X-Access-Token");
  }

  @Test
  void describesTheAccessTokenAndIdempotencyKeyHeaders() {
    List<Map<String, Object>> tokens = document.read("$.paths..parameters[?(@.name == 'X-Access-Token')]");
    assertThat(tokens).hasSize(4).allSatisfy(token -> {
      assertThat(token).containsEntry("in", "header").containsEntry("required", true);
      assertThat((String) token.get("description")).contains("access token");
    });
    List<Map<String, Object>> keys =
        document.read("$.paths['/api/complaints'].post.parameters[?(@.name == 'Idempotency-Key')]");
    assertThat(keys).singleElement().satisfies(key -> assertThat((String) key.get("description")).contains("422"));
  }

  @Test
  void documentsEveryErrorAnswerAsAProblemDetail() {
    var submit = "$.paths['/api/complaints'].post.responses";
    assertThat(document.<Map<String, Object>>read(submit))
        .containsKeys("201", "400", "409", "413", "422", "429", "500");
    assertThat(document.<Map<String, Object>>read("$.paths['/api/complaints/{trackingNumber}'].get.responses"))
        .containsKeys("200", "404", "429");
    assertThat(document.<Map<String, Object>>read("$.paths['/api/complaints/{trackingNumber}/answer'].post.responses"))
        .containsKeys("204", "400", "404", "409", "413", "429");
    assertThat(document.<Map<String, Object>>read("$.paths['/api/complaints/{trackingNumber}/survey'].post.responses"))
        .containsKeys("204", "400", "404", "409", "413", "429");
    assertThat(document.<Map<String, Object>>read("$.paths['/api/complaints/{trackingNumber}/withdraw'].post.responses"))
        .containsKeys("204", "404", "409", "429");
    assertThat(document.<Map<String, Object>>read("$.paths['/api/intake'].post.responses"))
        .containsKeys("201", "400", "401", "403", "413").doesNotContainKey("429");
    var unlink = "$.paths['/api/intake/{trackingNumber}/unlink'].post.responses";
    assertThat(document.<Map<String, Object>>read(unlink)).containsKeys("200", "401", "403", "404", "409")
        .doesNotContainKey("429");
    assertThat(document.<String>read(unlink + "['403'].description")).contains("`triage`");
    assertThat(document.<String>read(unlink + "['404'].description")).doesNotContain("X-Access-Token");
    assertThat(document.<String>read(submit + "['429'].headers['Retry-After'].schema.type")).isEqualTo("integer");

    List<Map<String, Map<String, Object>>> responsesOfEachOperation = document.read("$.paths.*.*.responses");
    assertThat(responsesOfEachOperation).hasSize(10).allSatisfy(responses -> responses.forEach((status, response) -> {
      if (status.matches("[45]\\d\\d") && !List.of("401", "403").contains(status)) {
        assertThat(JsonPath.<String>read(response, "$.content['application/problem+json'].schema['$ref']"))
            .as("%s %s", status, response.get("description")).isEqualTo(PROBLEM);
        assertThat(JsonPath.<Map<String, Object>>read(response, "$.content")).hasSize(1);
      }
    }));
    assertThat(document.<Map<String, Object>>read("$.components.schemas.Problem.properties"))
        .containsKeys("type", "title", "status", "detail", "instance", "errors");
  }

  @Test
  void theStaffIntakeNeedsHttpBasicAndTheComplainantsNoLogin() {
    assertThat(document.<String>read("$.components.securitySchemes.staffLogin.scheme")).isEqualTo("basic");
    assertThat(document.<List<Object>>read("$.paths['/api/intake'].post.security[*].staffLogin")).hasSize(1);
    assertThat(document.<List<Object>>read("$.paths['/api/intake/{trackingNumber}/unlink'].post.security[*].staffLogin"))
        .hasSize(1);
    Map<String, Map<String, Map<String, Object>>> paths = document.read("$.paths");
    paths.forEach((path, operations) -> operations.values().forEach(operation -> {
      if (path.startsWith("/api/complaints")) {
        assertThat(operation).as(path).containsEntry("security", List.of());
      }
    }));
  }

  @Test
  void theFiguresNeedTheReadersLoginAndAnswerJsonOrCsv() {
    var dashboard = "$.paths['/api/analytics/dashboard'].get";
    assertThat(document.<List<Object>>read(dashboard + ".security[*].analyticsLogin")).hasSize(1);
    assertThat(document.<List<String>>read(dashboard + ".tags")).containsExactly("Analytics");
    assertThat(document.<Map<String, Object>>read(dashboard + ".responses")).containsKeys("200", "400", "401", "403")
        .doesNotContainKey("429");
    assertThat(document.<List<String>>read(dashboard + ".parameters[*].name"))
        .contains("from", "to", "channel", "category", "priority", "department");
    assertThat(document.<Map<String, Object>>read(dashboard + ".responses['200'].content['application/json']"))
        .isNotEmpty();
    var csv = "$.paths['/api/analytics/{figure}.csv'].get";
    assertThat(document.<Map<String, Object>>read(csv + ".responses['200'].content")).containsOnlyKeys("text/csv");
    assertThat(document.<Map<String, Object>>read(csv + ".responses")).containsKeys("404");
  }

  @Test
  void eachEndpointOffersOnlyItsOwnChannels() {
    assertThat(document.<List<String>>read("$.components.schemas.SubmitComplaintRequest.properties.channel.enum"))
        .containsExactly("WEB_FORM", "APP");
    assertThat(document.<List<String>>read("$.components.schemas.StaffIntakeRequest.properties.channel.enum"))
        .containsExactly("EMAIL", "HOTLINE", "SOCIAL_MEDIA", "SURVEY");
  }

  @Test
  void declaredTypesAreTheCataloguesChoosableCategories() {
    assertThat(document.<List<String>>read("$.components.schemas.SubmitComplaintRequest.properties.declaredType.enum"))
        .containsExactly("FUNCTIONAL", "EXPERIENCE", "CONTENT", "SERVICE", "PRICE", "TRANSACTION_DISPUTE",
            "INFORMATION_SECURITY", "OTHER");
  }

  @Test
  void describesTheChannelWebhookItsSignatureHeadersAndItsBody() {
    var operation = "$.paths['/api/channels/{channel}/messages'].post";
    assertThat(document.<List<String>>read(operation + ".tags")).containsExactly("Channels");
    assertThat(document.<List<Object>>read(operation + ".security[*].channelSignature")).hasSize(1);
    assertThat(document.<String>read("$.components.securitySchemes.channelSignature.name")).isEqualTo("X-Signature");
    assertThat(document.<Map<String, Object>>read(operation + ".responses"))
        .containsKeys("200", "201", "400", "401", "404", "409", "413", "500").doesNotContainKey("429");
    assertThat(document.<List<String>>read(operation + ".parameters[?(@.name == 'channel')].schema.enum[*]"))
        .containsExactly("social-media", "chat", "survey");
    List<Map<String, Object>> headers = document.read(operation + ".parameters[?(@.in == 'header')]");
    assertThat(headers).extracting(header -> header.get("name")).containsExactlyInAnyOrder("X-Timestamp", "X-Signature");
    assertThat(headers).allSatisfy(header -> assertThat(header).containsEntry("required", true));
    assertThat(document.<List<String>>read(operation + ".parameters[?(@.name == 'X-Signature')].description"))
        .singleElement().asString().contains("HMAC-SHA256", "X-Timestamp");

    assertThat(document.<String>read(operation + ".requestBody.content['application/json'].schema['$ref']"))
        .isEqualTo("#/components/schemas/ChannelMessage");
    assertThat(document.<Map<String, Object>>read("$.components.schemas.ChannelMessage.properties")).containsOnlyKeys(
        "messageId", "sentAt", "author", "text", "trackingNumber", "satisfaction", "comment", "locale");
    assertThat(document.<List<String>>read("$.components.schemas.ChannelMessage.required"))
        .containsExactlyInAnyOrder("messageId", "sentAt");
  }
}
