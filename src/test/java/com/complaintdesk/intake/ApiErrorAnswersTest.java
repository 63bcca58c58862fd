package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whatever goes wrong under /api, the client gets a problem detail (application/problem+json) with the right
 * status and nothing internal: no stack trace, no class name, no SQL. Requests are sent byte by byte as a
 * client would, including the ones a friendly client library would not send (wrong method, chunked bodies).
 */
@ComplaintDeskTest
class ApiErrorAnswersTest {

  static final int LIMIT = 64 * 1024;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void wrongMethodIsA405ProblemNamingTheAllowedOnes() throws Exception {
    var response = send("DELETE", "/api/complaints", "application/json", BodyPublishers.noBody());

    assertProblem(response, 405);
    assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
  }

  @Test
  void wrongContentTypeIsA415Problem() throws Exception {
    var response = send("POST", "/api/complaints", "text/plain", BodyPublishers.ofString("The app crashes"));

    assertProblem(response, 415);
    assertThat(json(response, "$.detail")).contains("text/plain");
  }

  @Test
  void unknownPathsUnderTheApiAre404Problems() throws Exception {
    for (String path : new String[] {"/api/nothing-here", "/api/complaints/CD-0000000000/nothing-here", "/api"}) {
      var response = send("GET", path, null, BodyPublishers.noBody());

      assertProblem(response, 404);
      assertThat(json(response, "$.detail")).as(path).isEqualTo(
          "There is no such endpoint; the API is described at /v3/api-docs.");
    }
  }

  @Test
  void aDeclaredBodyOverTheLimitIsRefusedWith413BeforeAnythingReadsIt() throws Exception {
    for (String path : new String[] {"/api/complaints", "/api/intake"}) {
      var response = send("POST", path, "application/json", BodyPublishers.ofString(padded(LIMIT + 1)));

      assertProblem(response, 413);
      assertThat(json(response, "$.detail")).as(path).isEqualTo("The request body may be at most 64 KB (65536 bytes).");
      assertThat(JsonPath.<Integer>read(response.body(), "$.maxBytes")).isEqualTo(LIMIT);
    }
  }

  @Test
  void aChunkedBodyThatGrowsOverTheLimitIsRefusedWith413() throws Exception {
    byte[] body = padded(LIMIT + 1).getBytes(StandardCharsets.UTF_8);
    var chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    assertThat(chunked.contentLength()).as("sent without Content-Length").isNegative();

    var response = send("POST", "/api/complaints", "application/json", chunked);

    assertProblem(response, 413);
    assertThat(json(response, "$.detail")).contains("64 KB");
  }

  @Test
  void aChunkedBodyReadBeforeAnyControllerIsRefusedWith413Too() throws Exception {
    byte[] form = ("subject=" + "x".repeat(LIMIT)).getBytes(StandardCharsets.US_ASCII);
    var response = send("PUT", "/api/complaints", "application/x-www-form-urlencoded",
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form)));

    assertProblem(response, 413);
  }

  @Test
  void aBodyJustUnderTheLimitIsAccepted() throws Exception {
    var declared = send("POST", "/api/complaints", "application/json", BodyPublishers.ofString(padded(LIMIT)));
    byte[] body = padded(LIMIT).getBytes(StandardCharsets.UTF_8);
    var chunked = send("POST", "/api/complaints", "application/json",
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(201);
  }

  /** A database that fails deep inside the engine: the row lock times out while the withdrawal is recorded. */
  @Test
  void anUnexpectedFailureIsA500ThatNamesNothingInternal() throws Exception {
    var submitted = send("POST", "/api/complaints", "application/json", BodyPublishers.ofString(PublicApiTest.VALID));
    String trackingNumber = json(submitted, "$.trackingNumber");
    String token = json(submitted, "$.accessToken");

    HttpResponse<String> response;
    try (Connection otherTransaction = dataSource.getConnection()) {
      otherTransaction.setAutoCommit(false);
      try (var lock = otherTransaction.prepareStatement(
          "select id from complaint where tracking_number = ? for update")) {
        lock.setString(1, trackingNumber);
        lock.executeQuery().close();
      }
      response = client.send(request("POST", "/api/complaints/" + trackingNumber + "/withdraw", null,
          BodyPublishers.noBody()).header("X-Access-Token", token).build(), BodyHandlers.ofString());
      otherTransaction.rollback();
    }

    assertProblem(response, 500);
    assertThat(json(response, "$.detail"))
        .isEqualTo("Something went wrong on our side; the complaint was not lost if you got a tracking number.");
  }

  /** The valid complaint of {@link PublicApiTest}, padded with whitespace (still valid JSON) to {@code bytes}. */
  static String padded(int bytes) {
    String body = PublicApiTest.VALID.strip();
    return "{" + " ".repeat(bytes - body.length()) + body.substring(1);
  }

  private HttpResponse<String> send(String method, String path, String contentType, BodyPublisher body)
      throws Exception {
    return client.send(request(method, path, contentType, body).build(), BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String method, String path, String contentType, BodyPublisher body) {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method, body);
    return contentType == null ? request : request.header("Content-Type", contentType);
  }

  private static String json(HttpResponse<String> response, String path) {
    return JsonPath.read(response.body(), path);
  }

  static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(status);
    assertThat(response.body()).as("nothing internal")
        .doesNotContainIgnoringCase("exception")
        .doesNotContainIgnoringCase("trace")
        .doesNotContainIgnoringCase("sql")
        .doesNotContain("org.", "com.", "java.")
        .doesNotContainIgnoringCase("select ")
        .doesNotContainIgnoringCase("update ");
  }
}
