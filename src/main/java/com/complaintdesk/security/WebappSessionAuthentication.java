package com.complaintdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a webapp login authenticate a request: the webapps keep their user in the HTTP session (Camunda's own login,
 * not Spring Security's), and a user of that session who may open one of the given webapps becomes the caller, with
 * their Camunda groups as authorities ({@code GROUP_<id>}), unless the request already has a caller (a staff login).
 * So our Cockpit plugins' calls ride on the Cockpit login, and the staff pages that task forms link to open with the
 * Tasklist login. Nothing is stored back: the session stays Camunda's, and a logout from the webapp ends this
 * authentication too.
 */
final class WebappSessionAuthentication extends OncePerRequestFilter {

  private final String engineName;
  private final List<String> apps;

  /** @param apps the webapps (cockpit, tasklist, admin) whose users count */
  WebappSessionAuthentication(String engineName, String... apps) {
    this.engineName = engineName;
    this.apps = List.of(apps);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!hasCaller()) {
      WebappLogins.of(request.getSession(false), engineName)
          .filter(user -> apps.stream().anyMatch(user::isAuthorizedForApp))
          .ifPresent(WebappSessionAuthentication::authenticate);
    }
    chain.doFilter(request, response);
  }

  private static boolean hasCaller() {
    var caller = SecurityContextHolder.getContext().getAuthentication();
    return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
  }

  private static void authenticate(UserAuthentication user) {
    var authorities = user.getGroupIds().stream()
        .map(group -> new SimpleGrantedAuthority(CamundaIdentityAuthentication.authority(group)))
        .toList();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, authorities));
    SecurityContextHolder.setContext(context);
  }
}
