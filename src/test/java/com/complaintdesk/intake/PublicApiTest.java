package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.HttpClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The complainant's API answers bad input with problem details that say what to fix, and leaks nothing. */
@ComplaintDeskTest
class PublicApiTest {

  static final String VALID = """
      {"channel": "WEB_FORM", "declaredType": "SERVICE", "subject": "No answer", "description": "Support never replied",
       "affectedUsers": "ONE", "contact": {"email": "user@example.org"}}
      """;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  HttpClient http;

  @BeforeEach
  void client() {
    http = new HttpClient(port);
  }

  @Test
  void invalidFieldsAreNamedInAProblemDetail() {
    var response = http.post("/api/complaints", null, """
        {"channel": "EMAIL", "subject": "", "description": "x", "affectedUsers": "ONE",
         "contact": {"email": "not-an-email"}, "locale": "fr"}
        """);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().getContentType()).hasToString("application/problem+json");
    assertThat(response.<List<String>>json("$.errors[*].field"))
        .containsExactlyInAnyOrder("channel", "subject", "contact.email", "locale");
    assertThat(response.<String>json("$.detail")).contains("subject: must not be blank");
  }

  @Test
  void unknownEnumValueListsTheAllowedOnes() {
    var response = http.post("/api/complaints", null, VALID.replace("\"ONE\"", "\"ALL\""));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.<String>json("$.errors[0].field")).isEqualTo("affectedUsers");
    assertThat(response.<String>json("$.errors[0].message")).contains("ONE, SOME, MANY");
  }

  @Test
  void declaredTypeOutsideTheCatalogueListsTheChoosableOnes() {
    var response = http.post("/api/complaints", null, VALID.replace("\"SERVICE\"", "\"WEATHER\"").replace("\"No answer\"", "\"\""));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.<List<String>>json("$.errors[*].field")).as("named with the other wrong fields")
        .containsExactly("declaredType", "subject");
    assertThat(response.<String>json("$.errors[0].message")).isEqualTo("must be one of FUNCTIONAL, EXPERIENCE, CONTENT,"
        + " SERVICE, PRICE, TRANSACTION_DISPUTE, INFORMATION_SECURITY, OTHER");
  }

  @Test
  void malformedJsonAndUnknownFieldsAreRejected() {
    assertThat(http.post("/api/complaints", null, "{\"channel\": ").status()).isEqualTo(400);
    var unknown = http.post("/api/complaints", null, VALID.replace("{\"channel\"", "{\"admin\": true, \"channel\""));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.<String>json("$.errors[0].field")).isEqualTo("admin");
  }

  @Test
  void tooLongTextsAreRejected() {
    var response = http.post("/api/complaints", null, VALID.replace("No answer", "x".repeat(201)));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.<String>json("$.errors[0].field")).isEqualTo("subject");
  }

  @Test
  void unknownTrackingNumberOrWrongTokenIsAPlainNotFound() {
    var submitted = http.post("/api/complaints", null, VALID);
    String trackingNumber = submitted.json("$.trackingNumber");

    for (var response : List.of(
        http.get("/api/complaints/" + trackingNumber, null, "X-Access-Token", "wrong"),
        http.get("/api/complaints/" + trackingNumber, null),
        http.get("/api/complaints/CD-0000000000", null, "X-Access-Token", submitted.json("$.accessToken")),
        http.post("/api/complaints/" + trackingNumber + "/withdraw", null, null, "X-Access-Token", "wrong"))) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.<String>json("$.title")).isEqualTo("Not Found");
      assertThat(response.body()).as("no hint whether the number exists").doesNotContain("detail");
    }
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndAnotherBodyIsUnprocessable() {
    String key = UUID.randomUUID().toString();
    var first = http.post("/api/complaints", null, VALID, "Idempotency-Key", key);
    var retry = http.post("/api/complaints", null, VALID, "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(jdbc.sql("select count(*) from idempotent_submission where idempotency_key = :key").param("key", key)
        .query(Long.class).single()).isEqualTo(1);

    String otherSubject = "Another body, same key";
    var otherBody = http.post("/api/complaints", null, VALID.replace("No answer", otherSubject), "Idempotency-Key", key);
    assertThat(otherBody.status()).isEqualTo(422);
    assertThat(otherBody.headers().getContentType()).hasToString("application/problem+json");
    assertThat(otherBody.<String>json("$.detail")).contains("Idempotency-Key", "use a new key");
    assertThat(jdbc.sql("select count(*) from complaint where subject = :subject").param("subject", otherSubject)
        .query(Long.class).single()).isZero();
  }

  @Test
  void surveyOutsideTheRevisitIsAConflictAndScoresAreChecked() {
    var submitted = http.post("/api/complaints", null, VALID);
    String path = "/api/complaints/" + submitted.json("$.trackingNumber") + "/survey";
    String token = submitted.json("$.accessToken");

    assertThat(http.post(path, null, "{\"satisfaction\": 6}", "X-Access-Token", token).<String>json("$.errors[0].field"))
        .isEqualTo("satisfaction");
    assertThat(http.post(path, null, "{\"satisfaction\": 4}", "X-Access-Token", token).status()).isEqualTo(409);
  }
}
