package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.LogCapture;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.Complaint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Development mode: a model saved while the app runs becomes a new version that new complaints use. Its own context
 * (redeploy is off in the shared one) and engine name; the models are a copy in a temporary folder, put back as in
 * the repository before each test, and the tests look at the files themselves instead of waiting for the scheduler.
 */
@ComplaintDeskTest
@TestPropertySource(properties = {"complaint-desk.development.redeploy-models=true",
    // the scheduler's first look would come long after these tests
    "complaint-desk.development.poll-interval=PT1H",
    "camunda.bpm.process-engine-name=changedModelRedeployTest"})
class ChangedModelRedeployTest {

  static final String DMN = "processes/complaint-priority.dmn";
  static final String BPMN = "processes/complaint-handling.bpmn";
  static final String FORM = "forms/assign-handler.form";

  @TempDir static Path models;

  @DynamicPropertySource
  static void modelsDirectory(DynamicPropertyRegistry registry) {
    registry.add("complaint-desk.development.models-directory", () -> models.toString());
  }

  @Autowired ChangedModelRedeploy redeploy;
  @Autowired DevelopmentProperties properties;
  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired TaskScheduler scheduler;

  @BeforeEach
  void modelsAsInTheRepository() throws IOException {
    for (String folder : new String[] {"processes", "forms"}) {
      FileSystemUtils.deleteRecursively(models.resolve(folder));
      FileSystemUtils.copyRecursively(Path.of(folder), models.resolve(folder));
    }
    redeploy.redeployChangedModels();
  }

  @Test
  void aChangedResponseTimeIsDeployedAndNewComplaintsUseIt() throws Exception {
    var before = driver.submitAppCrash();
    assertThat(variable(before, "priority")).isEqualTo("HIGH");
    assertThat(variable(before, "responseTime")).isEqualTo("P1D");

    edit(DMN, "<text>\"P1D\"</text>", "<text>\"P2D\"</text>");
    try (var log = new LogCapture(Map.of(ChangedModelRedeploy.class.getName(), Level.INFO))) {
      // where the app runs it: the scheduler's thread, no user authenticated, authorizations enabled
      assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
      scheduler.schedule(redeploy::redeployChangedModels, Instant.now()).get(1, TimeUnit.MINUTES);
      assertThat(log.linesContainingAny(DMN)).singleElement().asString()
          .startsWith("INFO [scheduling-").contains("complaint-response-time version");
    }

    var after = driver.submitAppCrash();
    assertThat(variable(after, "priority")).isEqualTo("HIGH");
    assertThat(variable(after, "responseTime")).isEqualTo("P2D");
    assertThat(definitionOf(after).getId()).as("the process itself is unchanged").isEqualTo(definitionOf(before).getId());
  }

  @Test
  void aChangedProcessBecomesANewVersionAndRunningComplaintsKeepTheirs() {
    var running = driver.submitAppCrash();

    edit(BPMN, "name=\"Propose handling plan\"", "name=\"Propose a plan\"");
    redeploy.redeployChangedModels();
    var started = driver.submitAppCrash();

    assertThat(definitionOf(started).getVersion()).isEqualTo(definitionOf(running).getVersion() + 1);
    for (Complaint complaint : new Complaint[] {running, started}) {
      driver.complete(complaint, "AssignHandler", "lead-tech", Map.of("handler", "handler-tech"));
    }
    assertThat(driver.task(running, "ProposePlan").getName()).isEqualTo("Propose handling plan");
    assertThat(driver.task(started, "ProposePlan").getName()).isEqualTo("Propose a plan");
  }

  @Test
  void unchangedFilesMakeNoNewDeployment() throws IOException {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();

    // saved again without a change: a new modification time, the same bytes
    Path file = models.resolve(BPMN);
    Files.write(file, Files.readAllBytes(file));
    redeploy.redeployChangedModels();
    new ChangedModelRedeploy(properties, engine).redeployChangedModels();

    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aFormChangedWhileTheAppWasDownIsDeployedAtTheFirstLook() throws IOException {
    edit(FORM, "The person who proposes and carries out the plan", "Who proposes the plan and carries it out");

    // a fresh instance knows no file yet, as after a restart; what counts is what the engine has
    new ChangedModelRedeploy(properties, engine).redeployChangedModels();

    var complaint = driver.submitAppCrash();
    assertThat(deployedForm(complaint, "AssignHandler")).contains("Who proposes the plan and carries it out");
  }

  @Test
  void aNewFileIsDeployed() throws IOException {
    String form = Files.readString(models.resolve(FORM)).replace("\"id\": \"assign-handler\"", "\"id\": \"handover\"");
    Files.writeString(models.resolve("forms/handover.form"), form);

    redeploy.redeployChangedModels();

    assertThat(engine.getRepositoryService().createDeploymentQuery().list())
        .anySatisfy(deployment -> assertThat(engine.getRepositoryService()
            .getDeploymentResourceNames(deployment.getId())).containsExactly("forms/handover.form"));
  }

  @Test
  void aBrokenFileIsNotDeployedTheOldVersionStaysAndTheLogNamesIt() {
    ProcessDefinition latestBefore = latestProcess();

    edit(BPMN, "targetRef=\"ProposePlan\"", "targetRef=\"ProposePlann\"");
    edit(DMN, "<text>\"P1D\"</text>", "<text>\"P2D\"</text>");
    try (var log = new LogCapture(Map.of(ChangedModelRedeploy.class.getName(), Level.INFO))) {
      redeploy.redeployChangedModels();
      redeploy.redeployChangedModels();

      assertThat(log.linesContainingAny("was not deployed")).as("a WARN once, not at every look").singleElement()
          .asString().startsWith("WARN").contains(BPMN).contains("ProposePlann").contains("ProposePlanMergeToProposePlan");
      assertThat(log.linesContainingAny(DMN)).as("the good file of the same look").singleElement().asString()
          .startsWith("INFO");
    }

    assertThat(latestProcess().getId()).isEqualTo(latestBefore.getId());
    var complaint = driver.submitAppCrash();
    assertThat(definitionOf(complaint).getId()).isEqualTo(latestBefore.getId());
    assertThat(variable(complaint, "responseTime")).isEqualTo("P2D");

    edit(BPMN, "targetRef=\"ProposePlann\"", "targetRef=\"ProposePlan\"");
    edit(BPMN, "name=\"Propose handling plan\"", "name=\"Propose a plan\"");
    redeploy.redeployChangedModels();
    assertThat(latestProcess().getVersion()).as("fixed, it goes in").isEqualTo(latestBefore.getVersion() + 1);
  }

  private void edit(String file, String from, String to) {
    try {
      Path path = models.resolve(file);
      String content = Files.readString(path);
      assertThat(content).as(file).contains(from);
      Files.writeString(path, content.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object variable(Complaint complaint, String name) {
    return engine.getRuntimeService().getVariable(complaint.processInstanceId(), name);
  }

  private ProcessDefinition definitionOf(Complaint complaint) {
    return engine.getRepositoryService().getProcessDefinition(driver.processOf(complaint).getProcessDefinitionId());
  }

  private ProcessDefinition latestProcess() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("complaint-handling")
        .latestVersion().singleResult();
  }

  private String deployedForm(Complaint complaint, String taskDefinitionKey) throws IOException {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(driver.task(complaint, taskDefinitionKey).getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
