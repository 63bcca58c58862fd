package com.complaintdesk.intake;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public API's submission: {@code POST /api/complaints}, idempotent per Idempotency-Key. */
@RestController
@Validated
class ComplaintSubmissionController {

  /** How often a request waits for the lock on its Idempotency-Key before it tells the client to retry. */
  static final int KEY_LOCK_WAITS = 3;

  private final ComplaintIntake intake;
  private final IdempotentSubmissions idempotentSubmissions;
  private final ComplaintRepository complaints;
  private final ObjectMapper json;
  private final String publicBaseUrl;

  ComplaintSubmissionController(ComplaintIntake intake, IdempotentSubmissions idempotentSubmissions,
      ComplaintRepository complaints, ObjectMapper json, @Value("${complaint-desk.public-base-url}") String publicBaseUrl) {
    this.intake = intake;
    this.idempotentSubmissions = idempotentSubmissions;
    this.complaints = complaints;
    this.json = json;
    this.publicBaseUrl = publicBaseUrl;
  }

  /** What the complainant needs to follow the complaint; the token is shown once, here. */
  record SubmittedComplaint(String trackingNumber, String accessToken, String statusUrl) {

    /** Spring logs response bodies at DEBUG: the token and the link that carries it stay out. */
    @Override
    public String toString() {
      return "SubmittedComplaint[trackingNumber=" + trackingNumber + ", accessToken=(withheld), statusUrl=(withheld)]";
    }
  }

  @PostMapping(path = "/api/complaints", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(operationId = "submitComplaint", summary = "Submit a complaint from the web form or the app")
  @ApiResponse(responseCode = "409", description = "The first request with this Idempotency-Key is still being"
      + " processed; retry after `Retry-After` seconds with the same key.",
      headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")))
  @ApiResponse(responseCode = "422", description = "This Idempotency-Key was already used with another body;"
      + " use a new key for a new complaint.")
  ResponseEntity<SubmittedComplaint> submit(
      @RequestHeader(name = "Idempotency-Key", required = false)
      @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}", message = "must be 1 to 100 letters, digits or . _ : -")
      String idempotencyKey,
      @Valid @RequestBody SubmitComplaintRequest request) {
    if (idempotencyKey == null) {
      return created(intake.receive(submissionOf(request)));
    }
    return created(receiveOnce(request, IdempotentSubmissions.Key.of(idempotencyKey, canonical(request))));
  }

  /** The complaint the key created, or a new one if the key is new. */
  private Complaint receiveOnce(SubmitComplaintRequest request, IdempotentSubmissions.Key key) {
    for (int attempt = 1; ; attempt++) {
      Optional<Complaint> earlier = earlierAnswer(key);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      try {
        return intake.receive(submissionOf(request), Optional.of(key));
      } catch (DuplicateKeyException concurrentRetry) {
        // A concurrent request with this key committed first while this one waited for the key's row lock;
        // this one's transaction is rolled back, so only the first complaint exists.
        return earlierAnswer(key).orElseThrow(() -> concurrentRetry);
      } catch (QueryTimeoutException | CannotAcquireLockException lockWait) {
        // The first request held the key's row longer than the database waits for a lock (H2: 2 s, e.g. the
        // first process start after a restart) and this one was rolled back: wait for it again, then give up.
        if (attempt == KEY_LOCK_WAITS) {
          throw new SubmissionInProgress(lockWait);
        }
      }
    }
  }

  private Optional<Complaint> earlierAnswer(IdempotentSubmissions.Key key) {
    return idempotentSubmissions.find(key.value()).map(earlier -> {
      if (!earlier.sameRequestAs(key)) {
        throw new IdempotencyKeyReused();
      }
      return complaints.findById(earlier.complaintId()).orElseThrow();
    });
  }

  private static ComplaintIntake.Submission submissionOf(SubmitComplaintRequest request) {
    return new ComplaintIntake.Submission(request.channel(), request.receivedAt(),
        request.locale() == null ? "en" : request.locale(), request.subject().trim(), request.description().trim(),
        null, request.declaredType(), request.affectedUsers().name(),
        request.contact() == null ? null : request.contact().toContact());
  }

  private String canonical(SubmitComplaintRequest request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A validated request always serializes", e);
    }
  }

  private ResponseEntity<SubmittedComplaint> created(Complaint complaint) {
    String statusUrl = publicBaseUrl + StatusPage.link(complaint.trackingNumber(), complaint.accessToken(), null);
    return ResponseEntity.created(URI.create("/api/complaints/" + complaint.trackingNumber()))
        .body(new SubmittedComplaint(complaint.trackingNumber(), complaint.accessToken(), statusUrl));
  }
}
