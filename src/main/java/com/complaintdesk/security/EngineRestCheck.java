package com.complaintdesk.security;

import com.complaintdesk.security.EngineRestRequest.Unreadable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A check in front of the engine REST API: a call it refuses is answered with 400 and never reaches the engine;
 * any other call goes on with its body unchanged.
 */
abstract class EngineRestCheck extends OncePerRequestFilter {

  /** Why the call is refused, in words the caller can act on; empty when it may go on. */
  abstract Optional<String> refusal(EngineRestRequest request) throws Unreadable;

  @Override
  protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var call = EngineRestRequest.of(request);
    Optional<String> refusal;
    try {
      refusal = refusal(call);
    } catch (Unreadable unreadable) {
      refusal = Optional.of(unreadable.getMessage());
    }
    if (refusal.isPresent()) {
      EngineRestRequest.refuse(response, refusal.get());
      return;
    }
    chain.doFilter(call, response);
  }
}
