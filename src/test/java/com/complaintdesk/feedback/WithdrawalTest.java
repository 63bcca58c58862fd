package com.complaintdesk.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintConflict;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintStatus;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

@ComplaintDeskTest
class WithdrawalTest {

  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired ComplainantActions complainant;
  @Autowired ComplaintRepository complaints;

  static Stream<Arguments> stages() {
    return Stream.of(
        stage("waiting to be logged", "LogComplaint",
            d -> d.captureByStaff(Channel.SOCIAL_MEDIA, Instant.now(), "Your app is terrible")),
        stage("waiting for a handler", "AssignHandler", ProcessDriver::submitAppCrash),
        stage("being implemented", "ImplementPlan", d -> {
          var complaint = d.submitAppCrash();
          d.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
          d.complete(complaint, "ProposePlan", "handler-tech", Map.of("plan", "Fix it"));
          return complaint;
        }),
        stage("awaiting feedback", "AwaitFeedbackGateway", d -> {
          var complaint = d.submitAppCrash();
          d.handleUntilResultSent(complaint);
          return complaint;
        }));
  }

  private static Arguments stage(String name, String waitingAt, Function<ProcessDriver, Complaint> setUp) {
    return Arguments.of(Named.of(name, setUp), waitingAt);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stages")
  void userWithdrawsAtAnyStageAndEveryOpenTaskEnds(Function<ProcessDriver, Complaint> setUp, String waitingAt) {
    var complaint = setUp.apply(driver);
    var instance = driver.processOf(complaint);
    BpmnAwareTests.assertThat(instance).isWaitingAt(waitingAt);

    complainant.withdraw(complaints.get(complaint.trackingNumber()));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("ComplaintWithdrawn", "RecordWithdrawal");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(complaint.processInstanceId()).count()).isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(complaint.processInstanceId()).count())
        .as("no timer of a withdrawn complaint fires later").isZero();
    var withdrawn = driver.reload(complaint);
    assertThat(withdrawn.status()).isEqualTo(ComplaintStatus.WITHDRAWN);
    assertThat(withdrawn.closedAt()).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stages")
  void aClosedComplaintCannotBeWithdrawn(Function<ProcessDriver, Complaint> setUp, String waitingAt) {
    var complaint = setUp.apply(driver);
    complainant.withdraw(complaints.get(complaint.trackingNumber()));

    assertThatThrownBy(() -> complainant.withdraw(complaints.get(complaint.trackingNumber())))
        .isInstanceOf(ComplaintConflict.class).hasMessageContaining("already WITHDRAWN");
  }
}
