package com.complaintdesk.modelcheck;

import com.complaintdesk.complaint.Catalogue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * The designer's files under a repository root, read once: processes/*.bpmn, *.dmn, *.test.csv,
 * processes/contract.yaml, processes/catalogue.yaml and forms/*.form. A file that does not even read is a problem
 * of its own; the rules then check what did read.
 */
final class Models {

  private static final ObjectMapper JSON = new ObjectMapper();

  final Path root;
  final List<Problem> unreadable = new ArrayList<>();
  final Map<String, BpmnModelInstance> bpmn = new LinkedHashMap<>();
  final Map<String, DmnModelInstance> dmn = new LinkedHashMap<>();
  /** Forms by file name; their ids are inside. */
  final Map<String, JsonNode> forms = new LinkedHashMap<>();
  final List<String> testTables = new ArrayList<>();
  ProcessContract contract;
  Catalogue catalogue;

  private Models(Path root) {
    this.root = root;
  }

  static Models read(Path root) {
    var models = new Models(root);
    for (String file : models.files("processes", ".bpmn")) {
      models.parse(file, () -> models.bpmn.put(file, Bpmn.readModelFromFile(models.path(file).toFile())));
    }
    for (String file : models.files("processes", ".dmn")) {
      models.parse(file, () -> models.dmn.put(file, Dmn.readModelFromFile(models.path(file).toFile())));
    }
    for (String file : models.files("forms", ".form")) {
      models.parse(file, () -> models.forms.put(file, JSON.readTree(models.path(file).toFile())));
    }
    models.testTables.addAll(models.files("processes", ".test.csv"));
    models.parse(ProcessContract.FILE, () -> models.contract = ProcessContract.read(models.path(ProcessContract.FILE)));
    models.parse(CatalogueRule.FILE, () -> models.catalogue = Catalogue.read(models.path(CatalogueRule.FILE)));
    if (models.bpmn.isEmpty() && models.unreadable.isEmpty()) {
      models.unreadable.add(new Problem("processes/", null, "no BPMN file here: run the check from the repository root"
          + " (or give the root as its argument)"));
    }
    return models;
  }

  Path path(String file) {
    return root.resolve(file);
  }

  /** Files of a folder with a suffix, as repository paths ("processes/x.dmn"), sorted. */
  List<String> files(String folder, String suffix) {
    Path dir = root.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(entry -> entry.getFileName().toString()).filter(name -> name.endsWith(suffix)).sorted()
          .map(name -> folder + "/" + name).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  /** The form whose "id" is formId, with the file it lives in. */
  Map.Entry<String, JsonNode> formWithId(String formId) {
    return forms.entrySet().stream().filter(form -> formId.equals(form.getValue().path("id").asText(null)))
        .findFirst().orElse(null);
  }

  private void parse(String file, Reading reading) {
    try {
      reading.read();
    } catch (Exception e) {
      unreadable.add(new Problem(file, null, "does not read: " + rootCause(e)
          + ". Open it in the Camunda Modeler (or a text editor) and fix it."));
    }
  }

  static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private interface Reading {
    void read() throws Exception;
  }
}
