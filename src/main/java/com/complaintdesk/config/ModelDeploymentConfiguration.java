package com.complaintdesk.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of processes/ and the forms of forms/ in one deployment, named by their path inside
 * the jar (e.g. {@code processes/complaint-handling.bpmn}), whether the app runs from classes or from the
 * jar. Stable names let the engine see an unchanged model as unchanged: only a changed model becomes a new
 * version at the next start.
 */
@Component
public class ModelDeploymentConfiguration extends AbstractCamundaConfiguration
    implements CamundaDeploymentConfiguration {

  static final String DEPLOYMENT_NAME = "complaint-desk";
  private static final String[] PATTERNS = {
      "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form"};

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setDeploymentName(DEPLOYMENT_NAME);
    configuration.setDeployChangedOnly(true);
    configuration.setDeploymentResources(getDeploymentResources().toArray(Resource[]::new));
  }

  @Override
  public Set<Resource> getDeploymentResources() {
    var resolver = new PathMatchingResourcePatternResolver();
    Set<Resource> resources = new LinkedHashSet<>();
    for (String pattern : PATTERNS) {
      try {
        Arrays.stream(resolver.getResources(pattern))
            .map(resource -> new ModelResource(folderOf(pattern) + resource.getFilename()))
            .forEach(resources::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the models matching " + pattern, e);
      }
    }
    return resources;
  }

  private static String folderOf(String pattern) {
    return pattern.substring("classpath*:".length(), pattern.lastIndexOf('/') + 1);
  }

  /** A classpath resource that tells the engine its path inside the jar as its deployment name. */
  static final class ModelResource extends ClassPathResource implements ContextResource {

    ModelResource(String path) {
      super(path);
    }

    @Override
    public String getPathWithinContext() {
      return getPath();
    }
  }
}
