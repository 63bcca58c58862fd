package com.complaintdesk.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff and integrations (telephony, social-media tools) hand in complaints from other channels:
 * {@code POST /api/intake}, for members of the intake group. The complaint then waits in "Log complaint".
 */
@RestController
class StaffIntakeController {

  private final ComplaintIntake intake;

  StaffIntakeController(ComplaintIntake intake) {
    this.intake = intake;
  }

  record CapturedComplaint(String trackingNumber) {
  }

  @PostMapping(path = "/api/intake", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(operationId = "captureComplaint",
      summary = "Hand in a complaint that reached staff by email, hotline, social media or survey",
      security = @SecurityRequirement(name = "staffLogin"))
  ResponseEntity<CapturedComplaint> capture(@Valid @RequestBody StaffIntakeRequest request) {
    var complaint = intake.receive(new ComplaintIntake.Submission(request.channel(), request.receivedAt(),
        request.locale() == null ? "en" : request.locale(), null, null, request.rawText().trim(), null, null,
        request.contact() == null ? null : request.contact().toContact()));
    return ResponseEntity.created(URI.create("/api/complaints/" + complaint.trackingNumber()))
        .body(new CapturedComplaint(complaint.trackingNumber()));
  }
}
