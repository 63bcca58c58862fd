package com.complaintdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a user who was deleted or locked, at their next call: of the webapps' API (Tasklist,
 * Cockpit, Admin) or of our Cockpit plugins' API, which then answer 401 as to anybody not logged in, or of our staff pages, which then ask
 * for a login. The webapps themselves recheck a session's user only when their authentication cache expires,
 * and then notice a deletion but never a lock; Spring Security never rechecks. It runs before Spring Security,
 * so that the call it ends the session of is already refused.
 * Locked means locked for good (login-max-attempts wrong passwords, until an admin unlocks): the short delay
 * after a single wrong password ends no session, or anybody could log a user out by mistyping their password.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
class EndSessionOfLockedOrDeletedUser extends OncePerRequestFilter {

  private static final String STAFF_PAGES = "/staff/";

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
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith(webappApi) && !path.startsWith(STAFF_PAGES)
        && !path.startsWith(WebSecurity.COCKPIT_PLUGIN_API + "/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var session = request.getSession(false);
    if (session != null) {
      ProcessEngine processEngine = engine.getObject();
      String user = userOf(session, processEngine);
      if (user != null && isLockedOrDeleted(processEngine, user)) {
        LOG.info("Ended the session of user '{}': the user was deleted or locked", user);
        session.invalidate();
      }
    }
    chain.doFilter(request, response);
  }

  /** Who the session belongs to: a webapp login or a login to our staff pages (one session may hold both). */
  private static String userOf(HttpSession session, ProcessEngine engine) {
    var login = WebappLogins.of(session, engine.getName());
    if (login.isPresent()) {
      return login.get().getIdentityId();
    }
    if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
        instanceof SecurityContext context && context.getAuthentication() != null) {
      return context.getAuthentication().getName();
    }
    return null;
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
