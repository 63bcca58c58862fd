package com.complaintdesk.config;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/** A servlet filter for one part of the JSON API: the requests to a path and below it, no others. */
public abstract class ApiPathFilter extends OncePerRequestFilter {

  private final String path;

  protected ApiPathFilter(String path) {
    this.path = path;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiPaths.isUnder(request, path);
  }
}
