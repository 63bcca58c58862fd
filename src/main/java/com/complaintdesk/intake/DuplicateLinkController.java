package com.complaintdesk.intake;

import com.complaintdesk.complaint.ComplaintStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Triage undoes a link that intake made: {@code POST /api/intake/{trackingNumber}/unlink}, for members of the
 * triage group (they mark duplicates in "Review classification", so they judge whether one is not). A plain
 * call rather than a Tasklist task: a linked submission has no process, and a task for every link would make
 * triage look at each of them, where only a few are wrong.
 */
@RestController
class DuplicateLinkController {

  private final ComplaintIntake intake;

  DuplicateLinkController(ComplaintIntake intake) {
    this.intake = intake;
  }

  record UnlinkedComplaint(String trackingNumber, ComplaintStatus status) {
  }

  @PostMapping(path = "/api/intake/{trackingNumber}/unlink", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "unlinkSubmission",
      summary = "Undo the link of a submission to an open complaint: it becomes a complaint of its own",
      security = @SecurityRequirement(name = "staffLogin"))
  @ApiResponse(responseCode = "200", description = "The submission is a complaint of its own, with its own process.")
  @ApiResponse(responseCode = "403", description = "The user is not in the `triage` group.")
  @ApiResponse(responseCode = "409", description = "The complaint is not a submission linked at intake (never"
      + " linked, already unlinked, or a duplicate that triage marked).")
  UnlinkedComplaint unlink(@PathVariable String trackingNumber) {
    var complaint = intake.unlink(trackingNumber);
    return new UnlinkedComplaint(complaint.trackingNumber(), complaint.status());
  }
}
