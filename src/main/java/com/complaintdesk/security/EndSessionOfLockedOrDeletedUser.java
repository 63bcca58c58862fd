package com.complaintdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the webapp session (Tasklist, Cockpit, Admin) of a user who was deleted or locked, at their next call
 * of the webapps' API, which then answers 401 as to anybody not logged in. The webapps themselves recheck a
 * session's user only when their authentication cache expires, and then notice a deletion but never a lock.
 * Locked means locked for good (login-max-attempts wrong passwords, until an admin unlocks): the short delay
 * after a single wrong password ends no session, or anybody could log a user out by mistyping their password.
 */
@Component
class EndSessionOfLockedOrDeletedUser extends OncePerRequestFilter {

  /** Where the webapps keep their logins in the HTTP session (Camunda's AuthenticationUtil.CAM_AUTH_SESSION_KEY). */
  private static final String WEBAPP_AUTHENTICATIONS = "authenticatedUser";

  private static final Logger LOG = LoggerFactory.getLogger(EndSessionOfLockedOrDeletedUser.class);

  // Looked up per request: filters are built with the web server, before the engine and Flyway's migrations.
  private final ObjectProvider<ProcessEngine> engine;
  private final String webappApi;

  EndSessionOfLockedOrDeletedUser(ObjectProvider<ProcessEngine> engine, CamundaBpmProperties camunda) {
    this.engine = engine;
    this.webappApi = camunda.getWebapp().getApplicationPath() + "/api/";
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + webappApi);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var session = request.getSession(false);
    if (session != null && session.getAttribute(WEBAPP_AUTHENTICATIONS) instanceof Authentications logins) {
      ProcessEngine processEngine = engine.getObject();
      Authentication login = logins.getAuthenticationForProcessEngine(processEngine.getName());
      if (login != null && isLockedOrDeleted(processEngine, login.getIdentityId())) {
        LOG.info("Ended the webapp session of user '{}': the user was deleted or locked", login.getIdentityId());
        session.invalidate();
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean isLockedOrDeleted(ProcessEngine engine, String userId) {
    User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return true;
    }
    int maxAttempts = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoginMaxAttempts();
    return user instanceof UserEntity stored && stored.getAttempts() >= maxAttempts;
  }
}
