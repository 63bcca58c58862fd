package com.complaintdesk.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a refused production start as Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
class ProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<ProductionSettingsMissing> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ProductionSettingsMissing cause) {
    return new FailureAnalysis("The production profile is active, but:\n  - " + String.join("\n  - ", cause.problems()),
        "Fix what is listed above in the environment of the application (variables, command line or configuration"
            + " files) and start it again.", cause);
  }
}
