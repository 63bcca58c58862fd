package com.complaintdesk.config;

import com.complaintdesk.complaint.CatalogueInvalid;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a broken catalogue as Boot's "APPLICATION FAILED TO START" report, naming the file and the entry. */
class CatalogueFailureAnalyzer extends AbstractFailureAnalyzer<CatalogueInvalid> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CatalogueInvalid cause) {
    return new FailureAnalysis("The catalogue of categories and departments cannot be used:\n  " + cause.getMessage(),
        "Fix that entry in " + cause.source() + " (docs/designers.md, \"Add a category end to end\", shows the format)"
            + " and start the app again.", cause);
  }
}
