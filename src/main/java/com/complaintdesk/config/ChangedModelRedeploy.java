package com.complaintdesk.config;

import static com.complaintdesk.config.ModelDeploymentConfiguration.DEPLOYMENT_NAME;
import static com.complaintdesk.config.ModelDeploymentConfiguration.MODELS;
import static com.complaintdesk.config.ModelDeploymentConfiguration.fileGlobOf;
import static com.complaintdesk.config.ModelDeploymentConfiguration.folderOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Development mode of the embedded default: a model saved in processes/ or forms/ while the app runs becomes a new
 * version at the next poll, without a restart. Running instances keep the version they started with; new ones,
 * and every decision and form (bound to "latest"), take the new one.
 *
 * <p>A file counts as changed when its bytes differ from the engine's latest resource of the same name, so a file
 * changed while the app was down is caught too. Changed files go into one deployment named like the start-up one,
 * under the same names and the same (empty) source: the engine's duplicate filter compares only deployments of the
 * same name and source, so a restart then finds them unchanged instead of deploying them once more. A file that
 * does not deploy is named in a WARN line with the engine's reason; its previous version stays, and the same
 * content is not tried again. Deleted files are ignored: their deployed versions stay.
 *
 * <p>Runs in the scheduler's thread, which has no authenticated user: the engine checks no authorization then.
 */
@Component
@ConditionalOnProperty(prefix = "complaint-desk.development", name = "redeploy-models", havingValue = "true")
public class ChangedModelRedeploy {

  private static final Logger log = LoggerFactory.getLogger(ChangedModelRedeploy.class);

  private final DevelopmentProperties properties;
  private final RepositoryService repository;
  private final CommandExecutor commands;
  /** Each file's content that failed to deploy; tried again only once the file changes. */
  private final Map<String, byte[]> refused = new HashMap<>();
  /** The files of the last look, to tell once that a deleted one stays deployed. */
  private final Set<String> present = new HashSet<>();
  private Boolean foldersFound;
  private String lastFailure;

  ChangedModelRedeploy(DevelopmentProperties properties, ProcessEngine engine) {
    this.properties = properties;
    this.repository = engine.getRepositoryService();
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** One look at the files; the scheduler calls it every poll-interval, starting one interval after start-up. */
  @Scheduled(fixedDelayString = "${complaint-desk.development.poll-interval:PT2S}",
      initialDelayString = "${complaint-desk.development.poll-interval:PT2S}")
  public synchronized void redeployChangedModels() {
    try {
      if (foldersPresent()) {
        deploy(changedFiles(modelFiles()));
      }
      lastFailure = null;
    } catch (RuntimeException e) {
      // thrown, it would end nothing but this poll; the same failure at every poll is told once
      if (!e.toString().equals(lastFailure)) {
        log.warn("Development redeploy failed; trying again every {}", properties.pollInterval(), e);
      }
      lastFailure = e.toString();
    }
  }

  private boolean foldersPresent() {
    Path folder = properties.modelsFolder();
    boolean found = MODELS.stream().anyMatch(model -> Files.isDirectory(folder.resolve(folderOf(model))));
    if (!Objects.equals(found, foldersFound)) {
      if (found) {
        log.info("Development redeploy: models changed in {} and {} are deployed as new versions (every {})",
            folder.resolve("processes"), folder.resolve("forms"), properties.pollInterval());
      } else {
        log.info("Development redeploy is off: {} holds no processes/ or forms/ folder (the app runs elsewhere than"
            + " the repository; set complaint-desk.development.models-directory to the folder holding them). Models"
            + " are deployed at start only.", folder);
      }
      foldersFound = found;
    }
    return found;
  }

  /** The model files by their deployment name, e.g. {@code processes/complaint-handling.bpmn}. */
  private Map<String, byte[]> modelFiles() {
    Map<String, byte[]> files = new TreeMap<>();
    for (String model : MODELS) {
      Path folder = properties.modelsFolder().resolve(folderOf(model));
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (var paths = Files.newDirectoryStream(folder, fileGlobOf(model))) {
        for (Path path : paths) {
          read(path).ifPresent(bytes -> files.put(folderOf(model) + path.getFileName(), bytes));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + folder.resolve(fileGlobOf(model)), e);
      }
    }
    return files;
  }

  private static Optional<byte[]> read(Path path) {
    try {
      return Files.isRegularFile(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty(); // saved by rename just now: the next poll finds the new file
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  /** The files whose content the engine does not have and that have not failed to deploy as they are. */
  private Map<String, byte[]> changedFiles(Map<String, byte[]> files) {
    tellDeleted(files.keySet());
    if (files.isEmpty()) {
      return files;
    }
    Map<String, byte[]> latest = latestDeployed(files.keySet());
    Map<String, byte[]> changed = new TreeMap<>(files);
    changed.entrySet().removeIf(file -> Arrays.equals(file.getValue(), latest.get(file.getKey())));
    refused.entrySet().removeIf(refusal -> !changed.containsKey(refusal.getKey()));
    changed.entrySet().removeIf(file -> Arrays.equals(file.getValue(), refused.get(file.getKey())));
    return changed;
  }

  private void tellDeleted(Set<String> names) {
    present.stream().filter(name -> !names.contains(name)).forEach(name ->
        log.info("Development redeploy: {} is gone; its deployed versions stay (deleted files are not undeployed)", name));
    present.clear();
    present.addAll(names);
  }

  /**
   * The engine's latest resource of each name in deployments named like ours, found by the query its own duplicate
   * filter uses: one query per look, however many deployments development mode has made.
   */
  private Map<String, byte[]> latestDeployed(Set<String> names) {
    Map<String, ResourceEntity> latest = commands.execute(context -> context.getResourceManager()
        .findLatestResourcesByDeploymentName(DEPLOYMENT_NAME, names,
            ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE, null));
    return latest.values().stream().collect(Collectors.toMap(ResourceEntity::getName, ResourceEntity::getBytes));
  }

  /** Deploys the files together; when that fails, each alone, so that a broken file holds back only itself. */
  private void deploy(Map<String, byte[]> files) {
    if (files.isEmpty()) {
      return;
    }
    try {
      DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).enableDuplicateFiltering(true);
      files.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
      report(builder.deployWithResult(), files.keySet());
      refused.keySet().removeAll(files.keySet());
    } catch (RuntimeException e) {
      if (isDatabaseFailure(e)) {
        throw e;
      }
      if (files.size() > 1) {
        files.forEach((name, bytes) -> deploy(Map.of(name, bytes)));
        return;
      }
      var file = files.entrySet().iterator().next();
      refused.put(file.getKey(), file.getValue());
      log.warn("Development redeploy: {} was not deployed, its previous version stays in use until the file is saved"
          + " again: {}", file.getKey(), reasons(e));
    }
  }

  private static void report(DeploymentWithDefinitions deployment, Set<String> names) {
    Map<String, List<String>> versions = new TreeMap<>();
    names.forEach(name -> versions.put(name, new ArrayList<>()));
    definitionsOf(deployment).forEach(definition -> versions.computeIfAbsent(definition.getResourceName(),
        name -> new ArrayList<>()).add(definition.getKey() + " version " + definition.getVersion()));
    versions.forEach((name, definitions) -> log.info("Development redeploy: {} deployed (deployment {}): {}", name,
        deployment.getId(), definitions.isEmpty() ? "it defines nothing executable" : String.join(", ", definitions)));
  }

  /** Processes, decisions, decision requirements and forms: the engine's public result leaves forms out. */
  private static List<ResourceDefinition> definitionsOf(DeploymentWithDefinitions deployment) {
    if (!(deployment instanceof DeploymentEntity entity) || entity.getDeployedArtifacts() == null) {
      return List.of();
    }
    List<ResourceDefinition> definitions = new ArrayList<>();
    entity.getDeployedArtifacts().values().forEach(artifacts -> artifacts.forEach(artifact ->
        definitions.add((ResourceDefinition) artifact)));
    return definitions;
  }

  /** A failure of the database is no fault of the file: the same content is tried again at the next poll. */
  private static boolean isDatabaseFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLException || cause instanceof DataAccessException || cause instanceof TransactionException
          || cause instanceof ProcessEnginePersistenceException) {
        return true;
      }
    }
    return false;
  }

  /** The engine's messages down the cause chain (a parse error's element ids and lines are in them), each once. */
  private static String reasons(Throwable e) {
    Set<String> messages = new LinkedHashSet<>();
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      messages.add(Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getName()).strip());
    }
    return String.join(" / caused by: ", messages);
  }
}
