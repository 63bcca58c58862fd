package com.complaintdesk.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The last word on an error under {@code /api} that {@link ApiProblems} did not answer: Spring MVC's own
 * refusals before any controller is chosen (unknown path, wrong method, wrong content type) keep their
 * status as problem details, and anything unexpected becomes a 500 that names nothing internal; the log
 * keeps the details. Errors elsewhere (pages, webapps) go on to Spring's and Boot's usual handling.
 */
class ApiFallbackProblems implements HandlerExceptionResolver {

  private static final Logger log = LoggerFactory.getLogger(ApiFallbackProblems.class);

  private final ProblemResponses problems;

  ApiFallbackProblems(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception ex) {
    if (!ApiPaths.isUnder(request, "/api") || response.isCommitted()) {
      return null;
    }
    try {
      if (ex instanceof ErrorResponse known) {
        problems.write(request, response, problemOf(known), known.getHeaders());
      } else {
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), ex);
        problems.write(request, response, unexpected(), HttpHeaders.EMPTY);
      }
    } catch (IOException writeFailed) {
      log.debug("Could not send the problem detail of {} {}", request.getMethod(), request.getRequestURI(),
          writeFailed);
    }
    return new ModelAndView();
  }

  private static ProblemDetail problemOf(ErrorResponse known) {
    // Spring's detail for an unknown path speaks of static resources; a client of the API needs to know less.
    if (known instanceof NoResourceFoundException) {
      return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
          "There is no such endpoint; the API is described at /v3/api-docs.");
    }
    return known.getBody();
  }

  private static ProblemDetail unexpected() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "Something went wrong on our side; the complaint was not lost if you got a tracking number.");
    problem.setTitle("Internal error");
    return problem;
  }
}
