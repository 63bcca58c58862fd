package com.complaintdesk.complaint;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting right now: the staff member completing a task (the engine knows them), the staff member
 * calling our API (Spring Security knows them), or else the system (job executor, public API).
 */
@Component
public class Actor {

  public static final String SYSTEM = "system";

  private final IdentityService identityService;

  public Actor(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String current() {
    Authentication engineUser = identityService.getCurrentAuthentication();
    if (engineUser != null && engineUser.getUserId() != null) {
      return engineUser.getUserId();
    }
    var webUser = SecurityContextHolder.getContext().getAuthentication();
    if (webUser != null && webUser.isAuthenticated() && !"anonymousUser".equals(webUser.getName())) {
      return webUser.getName();
    }
    return SYSTEM;
  }
}
