package com.complaintdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.TimelineEventType;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ComplaintDeskTest
class ClassificationStageTest {

  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  void complaintTheRulesCannotClassifyGoesToTriageWhoRoutesIt() {
    var complaint = driver.submitWebComplaint("OTHER", "Something is off", "Hard to say what exactly", AffectedUsers.ONE);

    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("ReviewClassification");
    BpmnAwareTests.assertThat(driver.task(complaint, "ReviewClassification")).hasCandidateGroup("triage");
    assertThat(driver.reload(complaint).status()).isEqualTo(ComplaintStatus.LOGGED);

    driver.complete(complaint, "ReviewClassification", "triager",
        Map.of("category", "EXPERIENCE", "priority", "HIGH", "department", "DESIGN", "duplicateOf", ""));

    var classified = driver.reload(complaint);
    assertThat(classified.category()).isEqualTo("EXPERIENCE");
    assertThat(classified.department()).isEqualTo("DESIGN");
    assertThat(classified.status()).isEqualTo(ComplaintStatus.CLASSIFIED);
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("AssignHandler");
    BpmnAwareTests.assertThat(driver.task(complaint, "AssignHandler")).hasCandidateGroup("design-leads");
    assertThat(engine.getRuntimeService().getVariable(complaint.processInstanceId(), "responseTime"))
        .as("the response time follows the priority triage chose").isEqualTo("P1D");
  }

  @Test
  void triageMarksADuplicateWhichClosesLinkedToTheOriginal() {
    var original = driver.submitAppCrash();
    var duplicate = driver.submitWebComplaint(null, "Hmm", "Same as my friend reported", AffectedUsers.ONE);

    var instance = driver.processOf(duplicate);
    driver.complete(duplicate, "ReviewClassification", "triager", Map.of("duplicateOf", " " + original.trackingNumber() + " "));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("CloseAsDuplicate");
    var closed = driver.reload(duplicate);
    assertThat(closed.status()).isEqualTo(ComplaintStatus.DUPLICATE);
    assertThat(closed.duplicateOf()).isEqualTo(original.trackingNumber());
    assertThat(closed.closedAt()).isNotNull();
    assertThat(driver.timelineOf(duplicate)).endsWith(TimelineEventType.DUPLICATE);
    assertThat(jdbc.sql("select count(*) from notification where complaint_id = :id and template = 'DUPLICATE'")
        .param("id", duplicate.id()).query(Long.class).single()).as("the user is told").isEqualTo(1);
  }

  @Test
  void triageMustGiveAFullClassificationOrAKnownOriginal() {
    var complaint = driver.submitWebComplaint("OTHER", "Unclear", "Nothing to go by", AffectedUsers.ONE);

    assertThatThrownBy(() -> driver.complete(complaint, "ReviewClassification", "triager", Map.of("category", "EXPERIENCE")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("priority");
    assertThatThrownBy(() -> driver.complete(complaint, "ReviewClassification", "triager", Map.of("duplicateOf", "CD-0000000000")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("There is no complaint CD-0000000000");
    assertThatThrownBy(() -> driver.complete(complaint, "ReviewClassification", "triager",
        Map.of("category", "EXPERIENCE", "priority", "URGENT", "department", "DESIGN")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("priority");
    assertThatThrownBy(() -> driver.complete(complaint, "ReviewClassification", "triager",
        Map.of("category", "EXPERIENCE", "priority", "HIGH", "department", "MARKETING")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Choose a department (one of PRODUCT, DESIGN, TECH_SUPPORT, LEGAL, CUSTOMER_SERVICE)");

    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("ReviewClassification");
  }

  @Test
  void securityComplaintIsCriticalGoesToTechSupportAndLegalIsTold() {
    var complaint = driver.submitWebComplaint("FUNCTIONAL", "My data leaked", "My password was leaked online", AffectedUsers.MANY);

    var classified = driver.reload(complaint);
    assertThat(classified.category()).isEqualTo("INFORMATION_SECURITY");
    assertThat(classified.priority()).isEqualTo("CRITICAL");
    assertThat(classified.department()).isEqualTo("TECH_SUPPORT");
    assertThat(jdbc.sql("select recipient from notification where complaint_id = :id and template = 'CLASSIFIED_FOR_INFORMATION'")
        .param("id", complaint.id()).query(String.class).list()).containsExactlyInAnyOrder("legal", "complaint-managers");
  }
}
