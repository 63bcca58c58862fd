package com.complaintdesk.feedback;

import com.complaintdesk.complaint.ComplaintAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/complaints/{trackingNumber}/survey} and {@code .../withdraw}, with X-Access-Token. */
@RestController
class ComplainantActionsController {

  private final ComplaintAccess access;
  private final ComplainantActions actions;

  ComplainantActionsController(ComplaintAccess access, ComplainantActions actions) {
    this.access = access;
    this.actions = actions;
  }

  record SurveyAnswer(@NotNull @Min(1) @Max(5) Integer satisfaction, @Size(max = 2000) String comment) {
  }

  @PostMapping(path = "/api/complaints/{trackingNumber}/survey", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> answerSurvey(@PathVariable String trackingNumber,
      @RequestHeader(name = "X-Access-Token", required = false) String accessToken,
      @Valid @RequestBody SurveyAnswer answer) {
    actions.answerSurvey(access.open(trackingNumber, accessToken), answer.satisfaction(), answer.comment());
    return ResponseEntity.noContent().build();
  }

  @PostMapping(path = "/api/complaints/{trackingNumber}/withdraw")
  ResponseEntity<Void> withdraw(@PathVariable String trackingNumber,
      @RequestHeader(name = "X-Access-Token", required = false) String accessToken) {
    actions.withdraw(access.open(trackingNumber, accessToken));
    return ResponseEntity.noContent().build();
  }
}
