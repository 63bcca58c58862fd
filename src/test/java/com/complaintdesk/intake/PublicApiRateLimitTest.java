package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.HttpClient;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The complainants' API with a limit of 3 requests a minute per client address, in a context of its own (the
 * shared one runs without a limit). Tomcat takes the client address from X-Forwarded-For, as behind a
 * reverse proxy, so that the test can speak from several addresses; each test uses addresses of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "complaint-desk.public-api.rate-limit-per-minute=3",
    "server.forward-headers-strategy=native",
    "camunda.bpm.process-engine-name=rateLimitTest"})
@ActiveProfiles("test")
class PublicApiRateLimitTest {

  static final String UNKNOWN_COMPLAINT = "/api/complaints/CD-0000000000";

  @LocalServerPort int port;
  HttpClient http;

  @BeforeEach
  void client() {
    http = new HttpClient(port);
  }

  @Test
  void theFourthRequestWithinAMinuteIsRefusedWithRetryAfter() {
    String client = "203.0.113.1";
    for (int i = 0; i < 3; i++) {
      assertThat(http.get(UNKNOWN_COMPLAINT, null, "X-Forwarded-For", client).status()).isEqualTo(404);
    }

    var refused = http.post("/api/complaints", null, PublicApiTest.VALID, "X-Forwarded-For", client);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(Long.parseLong(refused.headers().getFirst("Retry-After"))).isBetween(1L, 20L);
    assertThat(refused.<String>json("$.detail")).startsWith("At most 3 requests a minute are allowed from one address");
    assertThat(refused.<String>json("$.instance")).isEqualTo("/api/complaints");
  }

  @Test
  void anotherAddressIsNotAffected() {
    for (int i = 0; i < 4; i++) {
      http.get(UNKNOWN_COMPLAINT, null, "X-Forwarded-For", "203.0.113.2");
    }
    assertThat(http.get(UNKNOWN_COMPLAINT, null, "X-Forwarded-For", "203.0.113.2").status()).isEqualTo(429);

    assertThat(http.get(UNKNOWN_COMPLAINT, null, "X-Forwarded-For", "203.0.113.3").status()).isEqualTo(404);
  }

  @Test
  void theComplaintFormCountsTowardsTheLimitAndIsRefusedWithAPage() {
    String client = "203.0.113.9";
    for (int i = 0; i < 3; i++) {
      http.send(org.springframework.http.HttpMethod.POST, "/complaints", null, null, "X-Forwarded-For", client);
    }
    var refused = http.send(org.springframework.http.HttpMethod.POST, "/complaints", null, null,
        "X-Forwarded-For", client);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.headers().getFirst("Retry-After")).isNotNull();
    assertThat(refused.headers().getContentType()).hasToString("text/html;charset=UTF-8");
    assertThat(refused.body()).contains("Too many requests", "请求过多");
  }

  @Test
  void staffIntakeIsNotLimited() {
    String client = "203.0.113.4";
    for (int i = 0; i < 4; i++) {
      http.get(UNKNOWN_COMPLAINT, null, "X-Forwarded-For", client);
    }

    for (int i = 0; i < 5; i++) {
      var captured = http.post("/api/intake", "agent", """
          {"channel": "HOTLINE", "receivedAt": "%s", "rawText": "Call %d: the invoice is wrong"}
          """.formatted(Instant.now().minusSeconds(60), i), "X-Forwarded-For", client);
      assertThat(captured.status()).as(captured.body()).isEqualTo(201);
    }
  }
}
