package com.complaintdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.AppProcess;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * What reaches the nodes over HTTP in the cluster tests: the admin setting up an intake agent over the engine REST
 * API (the production profile has no demo users), staff intake of complaints received long ago (their 24-hour
 * logging deadline has passed when they arrive, so their timer is due at once), and web-form submissions with an
 * Idempotency-Key. Never throws on an HTTP status; a connection that fails is an {@link Answer} without status.
 */
final class ClusterClient {

  static final String AGENT = "cluster-agent";
  static final String AGENT_PASSWORD = "cluster-agent-password";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3)).build();

  /**
   * What one request got: a status and body, or the failure of the connection. {@code neverSent} says the
   * connection was refused, so the node cannot have acted on it (safe to send elsewhere).
   */
  record Answer(int status, String body, IOException failure) {

    boolean neverSent() {
      return failure instanceof ConnectException;
    }

    String trackingNumber() {
      return JsonPath.read(body, "$.trackingNumber");
    }

    @Override
    public String toString() {
      return failure != null ? failure.toString() : status + " " + body;
    }
  }

  /** Creates the intake agent through {@code node}'s engine REST API, as the admin. */
  void createIntakeAgent(AppProcess node) {
    var created = send(node, "POST", "/engine-rest/user/create", ClusterNodes.ADMIN, ClusterNodes.ADMIN_PASSWORD, """
        {"profile": {"id": "%s", "firstName": "Cluster", "lastName": "Agent", "email": "cluster-agent@example.org"},
         "credentials": {"password": "%s"}}
        """.formatted(AGENT, AGENT_PASSWORD));
    assertThat(created.status()).as("create the intake agent: %s", created).isEqualTo(204);
    var member = send(node, "PUT", "/engine-rest/group/intake/members/" + AGENT, ClusterNodes.ADMIN,
        ClusterNodes.ADMIN_PASSWORD, null);
    assertThat(member.status()).as("make the agent a member of intake: %s", member).isEqualTo(204);
  }

  /**
   * A hotline complaint received two days ago, handed in by the intake agent: its logging deadline (24 hours after
   * receipt) has passed, so the LoggingDeadlinePassed timer is due as soon as the process waits in "Log complaint".
   * The marker makes text and contact unique (no linking as a repeated submission) and findable in the database.
   */
  Answer submitOverdueIntake(AppProcess node, String marker) {
    Instant receivedAt = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    return send(node, "POST", "/api/intake", AGENT, AGENT_PASSWORD, """
        {"channel": "HOTLINE", "receivedAt": "%s", "rawText": "Caller %s cannot log in since the update",
         "contact": {"email": "%s@cluster-it.example.org"}}
        """.formatted(receivedAt, marker, marker));
  }

  /**
   * A web-form complaint (a crash many users see: the rules classify it at once) with its Idempotency-Key, from a
   * client address of its own as the load balancer forwards it (the production profile reads X-Forwarded-For, and
   * the public API's rate limit counts per client address).
   */
  Answer submitWeb(AppProcess node, String marker, String idempotencyKey, int clientNumber) {
    String clientAddress = "10.%d.%d.%d".formatted(clientNumber >> 16 & 255, clientNumber >> 8 & 255, clientNumber & 255);
    return send(node, "POST", "/api/complaints", null, null, """
        {"channel": "WEB_FORM", "declaredType": "FUNCTIONAL", "subject": "The app crashes (%s)",
         "description": "It crashes whenever I upload a photo; reference %s", "affectedUsers": "MANY",
         "contact": {"name": "Li Wei", "email": "%s@cluster-it.example.org"}, "locale": "en"}
        """.formatted(marker, marker, marker), "Idempotency-Key", idempotencyKey, "X-Forwarded-For", clientAddress);
  }

  Answer send(AppProcess node, String method, String path, String user, String password, String jsonBody,
      String... headerPairs) {
    var request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60))
        .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    for (int i = 0; i < headerPairs.length; i += 2) {
      request.header(headerPairs[i], headerPairs[i + 1]);
    }
    try {
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), null);
    } catch (IOException e) {
      return new Answer(0, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
