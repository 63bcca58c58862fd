package com.complaintdesk.modelcheck;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * The app's Spring beans by name, found the way component scanning finds and names them, without starting
 * Spring: what a delegate expression in a model or an element template may name.
 */
public final class ApplicationBeans {

  private static final String BASE_PACKAGE = "com.complaintdesk";

  private ApplicationBeans() {
  }

  public static Map<String, Class<?>> byName() {
    var registry = new SimpleBeanDefinitionRegistry();
    return new ClassPathScanningCandidateComponentProvider(true).findCandidateComponents(BASE_PACKAGE).stream()
        .collect(Collectors.toMap(
            definition -> AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry),
            definition -> ClassUtils.resolveClassName(definition.getBeanClassName(), null),
            (first, second) -> first, TreeMap::new));
  }
}
