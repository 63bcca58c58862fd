package com.complaintdesk.config;

import java.util.List;
import java.util.stream.IntStream;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Puts {@link ApiFallbackProblems} right after the {@code @ExceptionHandler} methods (so {@link ApiProblems}
 * and any page advice answer first) and before Spring's default resolvers, which would send a bare error
 * status to Boot's error page.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorResolution implements WebMvcConfigurer {

  private final ProblemResponses problems;

  ApiErrorResolution(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
    int exceptionHandlers = IntStream.range(0, resolvers.size())
        .filter(index -> resolvers.get(index) instanceof ExceptionHandlerExceptionResolver)
        .findFirst().orElse(-1);
    resolvers.add(exceptionHandlers + 1, new ApiFallbackProblems(problems));
  }
}
