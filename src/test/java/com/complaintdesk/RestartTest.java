package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.intake.ComplaintIntake;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Complaints and their waiting timers survive a restart of the app on the same H2 file, and nothing is redeployed. */
class RestartTest {

  @TempDir Path dataDir;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void complaintsAndWaitingTimersSurviveARestartOnTheSameH2File() {
    String trackingNumber;
    Date loggingDueAt;
    try (var app = start()) {
      var intake = app.getBean(ComplaintIntake.class);
      var complaint = intake.receive(new ComplaintIntake.Submission(Channel.EMAIL, Instant.now().minus(Duration.ofHours(1)),
          "en", null, null, "My parcel never arrived", null, null, ProcessDriver.CONTACT));
      trackingNumber = complaint.trackingNumber();
      runJobs(app.getBean(ProcessEngine.class), complaint.processInstanceId());
      loggingDueAt = loggingTimer(app.getBean(ProcessEngine.class), complaint.processInstanceId()).getDuedate();
    }

    try (var app = start()) {
      var engine = app.getBean(ProcessEngine.class);
      var complaint = app.getBean(ComplaintRepository.class).get(trackingNumber);
      assertThat(complaint.rawText()).isEqualTo("My parcel never arrived");
      assertThat(complaint.contact()).isEqualTo(ProcessDriver.CONTACT);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(trackingNumber)
          .taskDefinitionKey("LogComplaint").count()).isEqualTo(1);
      assertThat(loggingTimer(engine, complaint.processInstanceId()).getDuedate()).isEqualTo(loggingDueAt);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).as("unchanged models are not redeployed")
          .isEqualTo(1);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("complaint-handling")
          .latestVersion().singleResult().getVersion()).isEqualTo(1);

      ClockUtil.setCurrentTime(Date.from(loggingDueAt.toInstant().plus(1, ChronoUnit.MINUTES)));
      runJobs(engine, complaint.processInstanceId());
      assertThat(app.getBean(JdbcClient.class).sql("select count(*) from deadline_breach where complaint_id = :id")
          .param("id", complaint.id()).query(Long.class).single()).as("the timer still fires after the restart").isEqualTo(1);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ComplaintDeskApplication.class)
        .profiles("test")
        .run("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("complaint-desk") + ";WRITE_DELAY=0",
            "--server.port=0", "--camunda.bpm.process-engine-name=restartTest");
  }

  private static Job loggingTimer(ProcessEngine engine, String processInstanceId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
        .activityId("LoggingDeadlinePassed").singleResult();
  }

  private static void runJobs(ProcessEngine engine, String processInstanceId) {
    var management = engine.getManagementService();
    management.createJobQuery().processInstanceId(processInstanceId).executable().list()
        .forEach(job -> management.executeJob(job.getId()));
  }
}
