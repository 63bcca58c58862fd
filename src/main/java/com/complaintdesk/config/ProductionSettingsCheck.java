package com.complaintdesk.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the production profile with settings that would open it to anyone: no admin password, the
 * demo password, or the demo users. It runs on the environment, before any data source or engine exists, so
 * the operator learns what to set at once, not after a half-started node. Registered in META-INF/spring.factories.
 */
class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

  static final String PROFILE = "production";
  static final String ADMIN_PASSWORD_VARIABLE = "COMPLAINT_DESK_ADMIN_PASSWORD";
  static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
  private static final String DEMO_PASSWORD = "demo";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
      return;
    }
    List<String> problems = new ArrayList<>();
    String password = adminPassword(environment);
    if (password == null || password.isBlank()) {
      problems.add("No admin password: set the environment variable " + ADMIN_PASSWORD_VARIABLE
          + " (the password of the first admin user, created on an empty database).");
    } else if (DEMO_PASSWORD.equals(password)) {
      problems.add(ADMIN_PASSWORD_VARIABLE + " is the demo password \"" + DEMO_PASSWORD
          + "\": set a password of your own.");
    } else if (password.length() < MIN_ADMIN_PASSWORD_LENGTH) {
      problems.add(ADMIN_PASSWORD_VARIABLE + " is shorter than " + MIN_ADMIN_PASSWORD_LENGTH
          + " characters: set a longer password.");
    }
    if (environment.getProperty("complaint-desk.demo.enabled", Boolean.class, false)) {
      problems.add("complaint-desk.demo.enabled is true: the demo users (password \"" + DEMO_PASSWORD
          + "\") do not belong in production; remove the setting.");
    }
    if (!problems.isEmpty()) {
      throw new ProductionSettingsMissing(problems);
    }
  }

  /** The admin password the engine will use; null when its placeholder names an unset variable. */
  private static String adminPassword(ConfigurableEnvironment environment) {
    try {
      return environment.getProperty("camunda.bpm.admin-user.password");
    } catch (IllegalArgumentException unresolvable) {
      return null;
    }
  }

  /** After Boot has read the profile's configuration files. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
