package com.complaintdesk.intake;

import com.complaintdesk.config.ApiPathFilter;
import com.complaintdesk.config.ProblemResponses;
import com.complaintdesk.config.PublicApiProperties;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.filter.OrderedFilter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Answers 429 with Retry-After (seconds) to a client address that calls the complainants' API
 * ({@code /api/complaints/**}) or posts the public pages' forms more often than
 * {@code complaint-desk.public-api.rate-limit-per-minute}.
 * The address is the connection's: behind a reverse proxy set {@code server.forward-headers-strategy}
 * (native or framework) so that it is the client's, not the proxy's. Runs before the body is read and
 * before Spring Security, so a refused request costs next to nothing.
 */
@Component
@Order(PublicApiRateLimit.ORDER)
class PublicApiRateLimit extends ApiPathFilter {

  /** After Boot's forwarded-header filter (which sets the client address), before everything else of ours. */
  static final int ORDER = OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 10_001;
  /** Buckets kept for this many addresses at most: a flood of addresses costs a few megabytes. */
  static final int TRACKED_CLIENTS = 10_000;

  private final ClientRateLimiter limiter;
  private final int perMinute;
  private final ProblemResponses problems;

  PublicApiRateLimit(PublicApiProperties properties, ProblemResponses problems) {
    // Not /api/intake: staff and integrations (telephony, social-media tools) are authenticated and hand in
    // many complaints from a few addresses; their credentials govern them, not their address.
    super("/api/complaints");
    this.perMinute = properties.rateLimitPerMinute();
    this.limiter = new ClientRateLimiter(perMinute, TRACKED_CLIENTS, TimeMeter.SYSTEM_NANOTIME);
    this.problems = problems;
  }

  /** The complaint form and the status page's forms take the same abuse as the API, and count towards it. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return super.shouldNotFilter(request) && !isPagePost(request);
  }

  private static boolean isPagePost(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && (path.equals("/complaints") || path.startsWith("/complaints/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var admission = limiter.admit(request.getRemoteAddr());
    if (admission.admitted()) {
      chain.doFilter(request, response);
      return;
    }
    // Whole seconds, rounded up: a client that waits as told is let in.
    long seconds = Math.max(1, (admission.retryAfter().toMillis() + 999) / 1000);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        "At most " + perMinute + " requests a minute are allowed from one address; retry after " + seconds
            + (seconds == 1 ? " second." : " seconds."));
    problem.setTitle("Too many requests");
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    if (isPagePost(request)) {
      refusePage(response, seconds);
    } else {
      problems.write(request, response, problem, headers);
    }
  }

  /** A person at the form gets a short page in both languages, not JSON. */
  private static void refusePage(HttpServletResponse response, long seconds) throws IOException {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Too many requests</title>"
        + "<link rel=\"stylesheet\" href=\"/css/desk.css\"></head><body><main id=\"main\"><h1>Too many requests</h1>"
        + "<p>Too many requests came from your address. Please go back and try again in " + seconds + " seconds.</p>"
        + "<p lang=\"zh-CN\">来自您地址的请求过多。请返回，" + seconds + " 秒后再试。</p></main></body></html>");
  }
}
