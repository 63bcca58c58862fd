package com.complaintdesk.audit;

import com.complaintdesk.intake.TrackingNumbers;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditor's page of one complaint's whole history, and the form that finds it by tracking number (login
 * required; WebSecurity lets the groups that read every complaint and administrators in). It also serves closed
 * complaints, which Community Cockpit no longer shows.
 */
@Controller
@RequestMapping("/staff/complaints")
class AuditPages {

  private static final String SEARCH = "staff/audit-search";

  private final AuditTrails trails;

  AuditPages(AuditTrails trails) {
    this.trails = trails;
  }

  @GetMapping("/audit")
  ModelAndView search(@RequestParam(required = false) String trackingNumber) {
    if (trackingNumber == null) {
      return new ModelAndView(SEARCH, Map.of(), HttpStatus.OK);
    }
    String wanted = trackingNumber.strip().toUpperCase(Locale.ROOT);
    if (wanted.isEmpty()) {
      return searchAgain(wanted, "Enter the tracking number of a complaint, e.g. CD-7K3M9Q2XWA.",
          HttpStatus.BAD_REQUEST);
    }
    if (!wanted.matches(TrackingNumbers.PATTERN)) {
      return searchAgain(wanted, Wording.echo(wanted)
          + " is not a tracking number: it starts with CD- and has ten letters and"
          + " digits after it, e.g. CD-7K3M9Q2XWA.", HttpStatus.BAD_REQUEST);
    }
    if (!trails.exists(wanted)) {
      return notFound(wanted);
    }
    return new ModelAndView("redirect:" + UriComponentsBuilder.fromPath("/staff/complaints/{trackingNumber}/audit")
        .buildAndExpand(wanted).toUriString());
  }

  @GetMapping("/{trackingNumber}/audit")
  ModelAndView audit(@PathVariable String trackingNumber) {
    return trails.of(trackingNumber)
        .map(trail -> new ModelAndView("staff/audit", Map.of("trail", trail), HttpStatus.OK))
        .orElseGet(() -> notFound(trackingNumber));
  }

  private static ModelAndView notFound(String trackingNumber) {
    return searchAgain(trackingNumber, "There is no complaint " + Wording.echo(trackingNumber) + ".",
        HttpStatus.NOT_FOUND);
  }

  private static ModelAndView searchAgain(String trackingNumber, String problem, HttpStatus status) {
    return new ModelAndView(SEARCH, Map.of("trackingNumber", Wording.echo(trackingNumber), "problem", problem), status);
  }
}
