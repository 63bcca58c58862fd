package com.complaintdesk.similarity;

import com.complaintdesk.complaint.ComplaintRepository;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * What staff who handle complaints (intake, triage, the departments) may read of another complaint, e.g. one of the
 * similar complaints a task form links to: where it stands, how it was classified, what was written and what was
 * done. No contact details and no history: the audit page has the history, for those who read every complaint.
 */
@Controller
class ComplaintSummaryPage {

  static final String PATH = "/staff/complaints/{trackingNumber}/summary";

  private final ComplaintRepository complaints;

  ComplaintSummaryPage(ComplaintRepository complaints) {
    this.complaints = complaints;
  }

  @GetMapping(PATH)
  ModelAndView summary(@PathVariable String trackingNumber) {
    return complaints.findByTrackingNumber(trackingNumber)
        .map(complaint -> new ModelAndView("staff/complaint-summary", Map.of("complaint", complaint), HttpStatus.OK))
        .orElseGet(() -> new ModelAndView("staff/complaint-summary-missing", Map.of("trackingNumber", trackingNumber),
            HttpStatus.NOT_FOUND));
  }
}
