package com.complaintdesk.config;

import jakarta.servlet.http.HttpServletRequest;

/** Which part of the application a request is for, by its path below the context path. */
final class ApiPaths {

  private ApiPaths() {
  }

  /** Whether the request's path is {@code prefix} or below it, e.g. {@code /api} or {@code /api/intake}. */
  static boolean isUnder(HttpServletRequest request, String prefix) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
