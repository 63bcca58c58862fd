package com.complaintdesk.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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
 * version at the next start. {@link ChangedModelRedeploy} deploys under the same names in development mode.
 */
@Component
public class ModelDeploymentConfiguration extends AbstractCamundaConfiguration
    implements CamundaDeploymentConfiguration {

  static final String DEPLOYMENT_NAME = "complaint-desk";
  /** The models by their path inside the jar, which is also their path in the repository. */
  static final List<String> MODELS = List.of("processes/*.bpmn", "processes/*.dmn", "forms/*.form");

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
    for (String model : MODELS) {
      try {
        Arrays.stream(resolver.getResources("classpath*:" + model))
            .map(resource -> new ModelResource(folderOf(model) + resource.getFilename()))
            .forEach(resources::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the models matching classpath*:" + model, e);
      }
    }
    return resources;
  }

  /** {@code processes/} of {@code processes/*.bpmn}. */
  static String folderOf(String model) {
    return model.substring(0, model.lastIndexOf('/') + 1);
  }

  /** {@code *.bpmn} of {@code processes/*.bpmn}. */
  static String fileGlobOf(String model) {
    return model.substring(model.lastIndexOf('/') + 1);
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
