package com.complaintdesk.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Development mode of the embedded default ({@code complaint-desk.development.*}, documented in application.yaml).
 *
 * @param redeployModels whether a model changed in processes/ or forms/ is deployed while the app runs
 *     ({@link ChangedModelRedeploy}); on in application.yaml, off in the production and test profiles
 * @param modelsDirectory the folder holding processes/ and forms/, relative to where the app was started
 * @param pollInterval pause between two looks at the files
 */
@ConfigurationProperties("complaint-desk.development")
public record DevelopmentProperties(
    @DefaultValue("false") boolean redeployModels,
    // a String, not a Path: Spring's Path conversion would take "." for the classpath root (target/classes)
    @DefaultValue(".") String modelsDirectory,
    @DefaultValue("PT2S") Duration pollInterval) {

  public DevelopmentProperties {
    if (modelsDirectory.isBlank()) {
      throw new IllegalArgumentException("complaint-desk.development.models-directory must name a folder, e.g. \".\"");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException(
          "complaint-desk.development.poll-interval must be longer than PT0S, was " + pollInterval);
    }
  }

  /** The folder holding processes/ and forms/, absolute, so that a log line says where we look. */
  public Path modelsFolder() {
    return Path.of(modelsDirectory).toAbsolutePath().normalize();
  }
}
