package com.complaintdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.Complaint;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The suggested classification in the process: it learns from what triage settles, the triage task shows it with
 * the similar complaints, and complaint-category trusts it only as its table says (from a confidence of 0.8, never for
 * information security). The texts carry no keyword of the category table, so without a suggestion triage decides.
 */
@ComplaintDeskTest
class SuggestedClassificationTest {

  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;

  @Test
  void whatTriageSettledTwiceIsSuggestedTheThirdTime() {
    var first = submit("Lost property office", "The lost property office at Pier 9 never opens");
    settleByTriage(first, "SERVICE", "CUSTOMER_SERVICE");
    var second = submit("Lost property at Pier 9", "Nobody at the Pier 9 lost property office picks up");
    settleByTriage(second, "SERVICE", "CUSTOMER_SERVICE");

    var third = submit("Pier 9 lost property", "Who runs the lost property office at Pier 9?");

    BpmnAwareTests.assertThat(driver.processOf(third)).isWaitingAt("ReviewClassification");
    var shown = variables(third);
    assertThat(shown).containsEntry("suggestedCategory", "SERVICE").containsEntry("suggestedDepartment", "CUSTOMER_SERVICE");
    assertThat((Double) shown.get("suggestionConfidence")).as("two of ten votes: shown, not trusted").isLessThan(0.8);
    assertThat((String) shown.get("similarComplaints")).contains(first.trackingNumber(), second.trackingNumber())
        .doesNotContain(third.trackingNumber());
  }

  @Test
  void onceEightOfTheTenClosestAgreeTheSuggestionClassifiesWithoutTriage() {
    int settled = 0;
    Complaint next = submit("Gift card at Nordwind", "Gift card 1 was refused at the till of the Nordwind partner shop");
    while (waitsForTriage(next) && settled < 12) {
      settleByTriage(next, "TRANSACTION_DISPUTE", "CUSTOMER_SERVICE");
      settled++;
      next = submit("Gift card at Nordwind",
          "Gift card " + (settled + 1) + " was refused at the till of the Nordwind partner shop");
    }

    assertThat(settled).as("settled by triage before the rules trusted the suggestion").isBetween(8, 10);
    BpmnAwareTests.assertThat(driver.processOf(next)).hasPassed("SuggestClassification", "DetermineCategory")
        .hasNotPassed("ReviewClassification").isWaitingAt("AssignHandler");
    assertThat(driver.reload(next).category()).isEqualTo("TRANSACTION_DISPUTE");
  }

  @Test
  void aSuggestionOfInformationSecurityIsNeverTrusted() {
    IntStream.rangeClosed(1, 10).forEach(i -> settleByTriage(
        submit("Strange sign-in from Lisbon", "Sign-in number " + i + " to my profile came from Lisbon, not me"),
        "INFORMATION_SECURITY", "LEGAL"));

    var next = submit("Sign-in from Lisbon", "Someone signed in to my profile from Lisbon");

    BpmnAwareTests.assertThat(driver.processOf(next)).isWaitingAt("ReviewClassification");
    var shown = variables(next);
    assertThat(shown).containsEntry("suggestedCategory", "INFORMATION_SECURITY");
    assertThat((Double) shown.get("suggestionConfidence")).isGreaterThanOrEqualTo(0.8);
  }

  private Complaint submit(String subject, String description) {
    return driver.submitWebComplaint("OTHER", subject, description, AffectedUsers.ONE);
  }

  private void settleByTriage(Complaint complaint, String category, String department) {
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("ReviewClassification");
    driver.complete(complaint, "ReviewClassification", "triager",
        Map.of("category", category, "priority", "MEDIUM", "department", department, "duplicateOf", ""));
  }

  private boolean waitsForTriage(Complaint complaint) {
    return engine.getTaskService().createTaskQuery().processInstanceId(driver.processOf(complaint).getId())
        .taskDefinitionKey("ReviewClassification").count() == 1;
  }

  private Map<String, Object> variables(Complaint complaint) {
    return engine.getRuntimeService().getVariables(driver.processOf(complaint).getId(),
        List.of("suggestedCategory", "suggestedDepartment", "suggestionConfidence", "similarComplaints"));
  }
}
