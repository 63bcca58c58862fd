package com.complaintdesk.feedback;

import com.complaintdesk.complaint.ComplaintAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/complaints/{trackingNumber}/answer}, {@code .../survey} and {@code .../withdraw}, with
 * X-Access-Token.
 */
@RestController
class ComplainantActionsController {

  private final ComplaintAccess access;
  private final ComplainantActions actions;

  ComplainantActionsController(ComplaintAccess access, ComplainantActions actions) {
    this.access = access;
    this.actions = actions;
  }

  record QuestionAnswer(@NotBlank @Size(max = ComplainantActions.MAX_ANSWER) String answer) {
  }

  @PostMapping(path = "/api/complaints/{trackingNumber}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "answerQuestion", summary = "Answer the handler's open question (`openQuestion` in the"
      + " complaint's status), once, while the complaint waits for it")
  @ApiResponse(responseCode = "409", description = "The complaint is not waiting for an answer.")
  ResponseEntity<Void> answerQuestion(@PathVariable String trackingNumber,
      @RequestHeader(name = "X-Access-Token", required = false) String accessToken,
      @Valid @RequestBody QuestionAnswer answer) {
    actions.answerQuestion(access.open(trackingNumber, accessToken), answer.answer());
    return ResponseEntity.noContent().build();
  }

  record SurveyAnswer(@NotNull @Min(1) @Max(5) Integer satisfaction, @Size(max = 2000) String comment) {
  }

  @PostMapping(path = "/api/complaints/{trackingNumber}/survey", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "answerSurvey", summary = "Answer the satisfaction survey, once, while the complaint"
      + " awaits feedback (status AWAITING_FEEDBACK)")
  @ApiResponse(responseCode = "409", description = "The complaint is not waiting for a survey answer.")
  ResponseEntity<Void> answerSurvey(@PathVariable String trackingNumber,
      @RequestHeader(name = "X-Access-Token", required = false) String accessToken,
      @Valid @RequestBody SurveyAnswer answer) {
    actions.answerSurvey(access.open(trackingNumber, accessToken), answer.satisfaction(), answer.comment());
    return ResponseEntity.noContent().build();
  }

  @PostMapping(path = "/api/complaints/{trackingNumber}/withdraw")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "withdrawComplaint", summary = "Withdraw the complaint, at any stage until it is closed")
  @ApiResponse(responseCode = "409", description = "The complaint is already closed or withdrawn.")
  ResponseEntity<Void> withdraw(@PathVariable String trackingNumber,
      @RequestHeader(name = "X-Access-Token", required = false) String accessToken) {
    actions.withdraw(access.open(trackingNumber, accessToken));
    return ResponseEntity.noContent().build();
  }
}
