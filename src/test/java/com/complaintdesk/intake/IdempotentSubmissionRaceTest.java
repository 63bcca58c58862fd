package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.HttpClient;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A client that retries before its first request has answered sends the same Idempotency-Key twice at
 * once: both requests pass the look-up before either has committed, so the database decides.
 */
@ComplaintDeskTest
class IdempotentSubmissionRaceTest {

  static final int CONCURRENT_REQUESTS = 4;
  /** Several rounds, because threads released together do not always overlap inside the transaction. */
  static final int ROUNDS = 5;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  final ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_REQUESTS);

  @AfterEach
  void stopClients() {
    clients.shutdownNow();
  }

  @Test
  void concurrentRequestsWithOneKeyCreateOneComplaintAndAllGetItsAnswer() throws Exception {
    var http = new HttpClient(port);
    for (int round = 0; round < ROUNDS; round++) {
      String key = UUID.randomUUID().toString();
      String subject = "Race " + key;
      String body = PublicApiTest.VALID.replace("No answer", subject);
      var start = new CountDownLatch(1);
      List<Future<HttpClient.Response>> answers = new ArrayList<>();
      for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
        answers.add(clients.submit(() -> {
          start.await();
          return http.post("/api/complaints", null, body, "Idempotency-Key", key);
        }));
      }
      start.countDown();

      List<HttpClient.Response> responses = new ArrayList<>();
      for (var answer : answers) {
        responses.add(answer.get(60, TimeUnit.SECONDS));
      }
      assertThat(responses).extracting(HttpClient.Response::status)
          .as("round %d: %s", round, responses).containsOnly(201);
      assertThat(responses).extracting(response -> response.<String>json("$.trackingNumber"))
          .as("round %d", round).containsOnly(responses.get(0).<String>json("$.trackingNumber"));
      assertThat(complaintsWithSubject(subject)).as("round %d: complaints created", round).isEqualTo(1);
    }
  }

  /**
   * The first request holds the key for longer than the second waits for it (H2's lock timeout of 2 seconds,
   * {@link ComplaintSubmissionController#KEY_LOCK_WAITS} times): the second is told to retry, rather than
   * failing or creating a second complaint, and its retry succeeds.
   */
  @Test
  void aRequestWhoseKeyIsHeldByAnUnfinishedOneIsToldToRetry() throws Exception {
    var http = new HttpClient(port);
    long someComplaint = jdbc.sql("select id from complaint where tracking_number = :number")
        .param("number", http.post("/api/complaints", null, PublicApiTest.VALID).<String>json("$.trackingNumber"))
        .query(Long.class).single();
    String key = UUID.randomUUID().toString();
    String subject = "Held " + key;
    String body = PublicApiTest.VALID.replace("No answer", subject);

    HttpClient.Response whileHeld;
    try (Connection unfinished = dataSource.getConnection()) {
      unfinished.setAutoCommit(false);
      try (var insert = unfinished.prepareStatement("insert into idempotent_submission (idempotency_key,"
          + " request_hash, complaint_id, created_at) values (?, 'unfinished', ?, current_timestamp)")) {
        insert.setString(1, key);
        insert.setLong(2, someComplaint);
        insert.executeUpdate();
      }
      whileHeld = http.post("/api/complaints", null, body, "Idempotency-Key", key);
      unfinished.rollback();
    }
    var retry = http.post("/api/complaints", null, body, "Idempotency-Key", key);

    assertThat(whileHeld.status()).as(whileHeld.body()).isEqualTo(409);
    assertThat(whileHeld.headers().getFirst("Retry-After")).isEqualTo("1");
    assertThat(whileHeld.<String>json("$.detail")).contains("still being processed");
    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertThat(complaintsWithSubject(subject)).isEqualTo(1);
  }

  private long complaintsWithSubject(String subject) {
    return jdbc.sql("select count(*) from complaint where subject = :subject").param("subject", subject)
        .query(Long.class).single();
  }
}
