package com.complaintdesk.intake;

import com.complaintdesk.complaint.ComplaintAccess;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The complainant's view of a complaint: {@code GET /api/complaints/{trackingNumber}} with X-Access-Token. */
@RestController
class ComplaintStatusController {

  private final ComplaintAccess access;
  private final PublicStatusReader statusReader;

  ComplaintStatusController(ComplaintAccess access, PublicStatusReader statusReader) {
    this.access = access;
    this.statusReader = statusReader;
  }

  @GetMapping(path = "/api/complaints/{trackingNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "getComplaintStatus",
      summary = "The complaint's status, its public timeline and the deadlines that apply now")
  PublicStatusView status(@PathVariable String trackingNumber,
      @RequestHeader(name = "X-Access-Token", required = false) String accessToken) {
    return statusReader.of(access.open(trackingNumber, accessToken));
  }
}
