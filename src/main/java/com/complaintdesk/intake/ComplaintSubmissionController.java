package com.complaintdesk.intake;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintConflict;
import com.complaintdesk.complaint.ComplaintRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The public API's submission: {@code POST /api/complaints}, idempotent per Idempotency-Key. */
@RestController
@Validated
class ComplaintSubmissionController {

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
  }

  @PostMapping(path = "/api/complaints", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SubmittedComplaint> submit(
      @RequestHeader(name = "Idempotency-Key", required = false)
      @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}", message = "must be 1 to 100 letters, digits or . _ : -")
      String idempotencyKey,
      @Valid @RequestBody SubmitComplaintRequest request) {
    if (idempotencyKey == null) {
      return created(intake.receive(submissionOf(request)));
    }
    var key = IdempotentSubmissions.Key.of(idempotencyKey, canonical(request));
    Optional<Complaint> earlier = earlierAnswer(key);
    if (earlier.isPresent()) {
      return created(earlier.get());
    }
    try {
      return created(intake.receive(submissionOf(request), Optional.of(key)));
    } catch (DuplicateKeyException concurrentRetry) {
      return created(earlierAnswer(key).orElseThrow(() -> concurrentRetry));
    }
  }

  private Optional<Complaint> earlierAnswer(IdempotentSubmissions.Key key) {
    return idempotentSubmissions.find(key.value()).map(earlier -> {
      if (!earlier.sameRequestAs(key)) {
        throw new ComplaintConflict("This Idempotency-Key was already used for a different complaint;"
            + " use a new key for a new complaint.");
      }
      return complaints.findById(earlier.complaintId()).orElseThrow();
    });
  }

  private static ComplaintIntake.Submission submissionOf(SubmitComplaintRequest request) {
    return new ComplaintIntake.Submission(request.channel(), request.receivedAt(),
        request.locale() == null ? "en" : request.locale(), request.subject().trim(), request.description().trim(),
        null, request.declaredType() == null ? null : request.declaredType().name(), request.affectedUsers().name(),
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
    String statusUrl = publicBaseUrl + "/complaints/" + complaint.trackingNumber() + "?token=" + complaint.accessToken();
    return ResponseEntity.created(URI.create("/api/complaints/" + complaint.trackingNumber()))
        .body(new SubmittedComplaint(complaint.trackingNumber(), complaint.accessToken(), statusUrl));
  }
}
