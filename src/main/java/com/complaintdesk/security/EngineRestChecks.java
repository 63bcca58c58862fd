package com.complaintdesk.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the checks in front of the engine REST API and of the webapps' copy of it ({@code /camunda/api/engine},
 * which Tasklist and Cockpit call for a logged-in user and which any staff member can call directly). They run
 * before the password check: they look at the request only, and what they refuse never costs a login.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestChecks {

  /** Before the engine REST authentication, which keeps the default (lowest) order. */
  private static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  private final String[] paths;

  EngineRestChecks(CamundaBpmProperties camunda) {
    this.paths = new String[] {"/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*"};
  }

  @Bean
  FilterRegistrationBean<Filter> refuseQueryExpressions() {
    return registration("refuse-query-expressions", new RefuseQueryExpressions(), ORDER);
  }

  @Bean
  FilterRegistrationBean<Filter> refuseObjectVariables() {
    return registration("refuse-object-variables", new RefuseObjectVariables(), ORDER + 1);
  }

  private FilterRegistrationBean<Filter> registration(String name, Filter check, int order) {
    var registration = new FilterRegistrationBean<>(check);
    registration.setName(name);
    registration.addUrlPatterns(paths);
    registration.setOrder(order);
    return registration;
  }
}
