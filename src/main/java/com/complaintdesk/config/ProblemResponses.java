package com.complaintdesk.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes a problem detail where Spring MVC's own rendering does not reach: in a servlet filter, before any
 * controller, and after MVC's exception handlers have given up. The answer looks like the ones of
 * {@link ApiProblems}: the same JSON mapper, the request path as instance.
 */
@Component
public class ProblemResponses {

  private final ObjectMapper json;

  public ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
      HttpHeaders headers) throws IOException {
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    response.setStatus(problem.getStatus());
    headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
