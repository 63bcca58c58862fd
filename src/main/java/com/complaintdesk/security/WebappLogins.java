package com.complaintdesk.security;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The login of the webapps (Tasklist, Cockpit, Admin) that an HTTP session holds for an engine: Camunda keeps it in
 * the session itself, apart from Spring Security. Read only: a session without one is left as it is.
 */
final class WebappLogins {

  /** Where the webapps keep their logins in the HTTP session (Camunda's AuthenticationUtil.CAM_AUTH_SESSION_KEY). */
  private static final String ATTRIBUTE = "authenticatedUser";

  private WebappLogins() {
  }

  static Optional<UserAuthentication> of(HttpSession session, String engineName) {
    return session != null && session.getAttribute(ATTRIBUTE) instanceof Authentications logins
        && logins.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication login
        ? Optional.of(login) : Optional.empty();
  }
}
