package com.complaintdesk.config;

import com.complaintdesk.handling.reply.ReplyTemplatesInvalid;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows broken reply templates as Boot's "APPLICATION FAILED TO START" report, naming each file and line. */
class ReplyTemplatesFailureAnalyzer extends AbstractFailureAnalyzer<ReplyTemplatesInvalid> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ReplyTemplatesInvalid cause) {
    return new FailureAnalysis(cause.getMessage(), "Fix those files under " + cause.location()
        + " (docs/designers.md, \"Reply templates\", lists the file names and placeholders) and start the app again;"
        + " mvn -q compile exec:java@check-models finds the same without starting it.", cause);
  }
}
