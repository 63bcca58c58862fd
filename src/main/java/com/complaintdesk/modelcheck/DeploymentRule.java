package com.complaintdesk.modelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Every BPMN, DMN and form deploys on the in-memory engine, each file on its own so that a problem names its file. What the engine refuses here, it would
 * refuse at the app's start.
 */
final class DeploymentRule implements ModelRule {

  private final ProcessEngine engine;

  DeploymentRule(CheckEngine engine) {
    this.engine = engine.processEngine();
  }

  @Override
  public List<Problem> check(Models models) {
    List<Problem> problems = new ArrayList<>();
    Stream.of(models.bpmn.keySet(), models.dmn.keySet(), models.forms.keySet()).flatMap(files -> files.stream())
        .forEach(file -> deploy(engine, models, file, problems));
    return problems;
  }

  private static void deploy(ProcessEngine engine, Models models, String file, List<Problem> problems) {
    try (InputStream content = Files.newInputStream(models.path(file))) {
      engine.getRepositoryService().createDeployment().name("model-check").addInputStream(file, content).deploy();
    } catch (ParseException e) {
      e.getResorceReports().forEach(report -> report.getErrors().forEach(error -> problems.add(new Problem(file,
          error.getMainElementId(), error.getMessage() + (error.getLine() > 0 ? " (line " + error.getLine() + ")" : "")
              + ". Fix it in the Camunda Modeler: the engine would refuse this file at start."))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    } catch (RuntimeException e) {
      problems.add(new Problem(file, null, "does not deploy: " + Models.rootCause(e)
          + ". Fix it in the Camunda Modeler: the engine would refuse this file at start."));
    }
  }
}
