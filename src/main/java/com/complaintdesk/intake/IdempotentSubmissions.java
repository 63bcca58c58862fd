package com.complaintdesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers which complaint an Idempotency-Key created, so a client that retries after a lost answer gets
 * the first answer instead of a second complaint. The key row commits with the complaint: a second
 * concurrent request with the same key fails on the primary key and then finds the first one's answer.
 */
@Component
public class IdempotentSubmissions {

  private final JdbcClient jdbc;

  public IdempotentSubmissions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A key and a fingerprint of the request body it was first used with. */
  public record Key(String value, String requestHash) {

    public static Key of(String value, String requestBody) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(requestBody.getBytes(StandardCharsets.UTF_8));
        return new Key(value, HexFormat.of().formatHex(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
      }
    }
  }

  /** The earlier use of a key: the complaint it created, and the fingerprint of its request. */
  public record Earlier(long complaintId, String requestHash) {

    public boolean sameRequestAs(Key key) {
      return requestHash.equals(key.requestHash());
    }
  }

  public Optional<Earlier> find(String key) {
    return jdbc.sql("select complaint_id, request_hash from idempotent_submission where idempotency_key = :key")
        .param("key", key)
        .query((rs, row) -> new Earlier(rs.getLong("complaint_id"), rs.getString("request_hash")))
        .optional();
  }

  void remember(Key key, long complaintId) {
    jdbc.sql("""
            insert into idempotent_submission (idempotency_key, request_hash, complaint_id, created_at)
            values (:key, :hash, :complaintId, :now)
            """)
        .param("key", key.value())
        .param("hash", key.requestHash())
        .param("complaintId", complaintId)
        .param("now", new Timestamp(ClockUtil.getCurrentTime().getTime()))
        .update();
  }

  /**
   * Forgets the keys a complaint was submitted with: retries come within minutes, and the request's
   * fingerprint is a hash of its contact details among the rest.
   */
  public void forget(long complaintId) {
    jdbc.sql("delete from idempotent_submission where complaint_id = :complaintId")
        .param("complaintId", complaintId)
        .update();
  }
}
