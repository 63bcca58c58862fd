package com.complaintdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the Cockpit login authenticate the calls of our Cockpit plugins: the webapps keep their user in the HTTP
 * session (Camunda's own login, not Spring Security's), and a user of that session who may open Cockpit becomes
 * the caller, with their Camunda groups as authorities ({@code GROUP_<id>}). Nothing is stored back: the session
 * stays Camunda's, and a logout from Cockpit ends this authentication too.
 */
final class CockpitSessionAuthentication extends OncePerRequestFilter {

  private static final String COCKPIT = "cockpit";

  private final String engineName;

  CockpitSessionAuthentication(String engineName) {
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    WebappLogins.of(request.getSession(false), engineName).filter(user -> user.isAuthorizedForApp(COCKPIT))
        .ifPresent(CockpitSessionAuthentication::authenticate);
    chain.doFilter(request, response);
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
