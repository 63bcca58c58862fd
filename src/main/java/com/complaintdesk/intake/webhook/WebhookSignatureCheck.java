package com.complaintdesk.intake.webhook;

import com.complaintdesk.config.ApiPathFilter;
import com.complaintdesk.config.BufferedBodyStream;
import com.complaintdesk.config.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.filter.OrderedFilter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Lets a webhook message ({@code POST /api/channels/{channel}/messages}) through only with a good, fresh
 * signature of its raw bytes: 404 for a channel without a configured secret, 401 for a missing, wrong or stale
 * signature, before the body is parsed, so an unsigned caller learns nothing about our validation. The
 * controller sees the verified bytes and the channel they were verified for, as a request attribute.
 * Runs after {@code ApiBodySizeLimit}, so the body it reads is bounded.
 */
@Component
@Order(WebhookSignatureCheck.ORDER)
class WebhookSignatureCheck extends ApiPathFilter {

  /** Right after ApiBodySizeLimit (-10,000 from the wrapper maximum), before Boot's form-content filter. */
  static final int ORDER = OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 9_999;
  /** The request attribute that names the webhook whose secret signed this request. */
  static final String VERIFIED_WEBHOOK = "com.complaintdesk.intake.webhook.WebhookSignatureCheck.verifiedWebhook";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSignatureCheck.class);
  private static final Pattern MESSAGES = Pattern.compile("/api/channels/([a-z-]{1,30})/messages");

  private final ChannelWebhookProperties settings;
  private final ProblemResponses problems;

  WebhookSignatureCheck(ChannelWebhookProperties settings, ProblemResponses problems) {
    super("/api/channels");
    this.settings = settings;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return super.shouldNotFilter(request) || !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var path = MESSAGES.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!path.matches()) {
      // Not a message path: MVC answers it (404, 405), and the controller refuses what this filter did not verify.
      chain.doFilter(request, response);
      return;
    }
    Optional<ChannelWebhook> webhook = ChannelWebhook.of(path.group(1));
    Optional<byte[]> secret = webhook.flatMap(settings::secretOf);
    if (secret.isEmpty()) {
      var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No webhook takes messages for channel '"
          + path.group(1) + "' here; the channels are social-media, chat and survey, each once it is configured.");
      problem.setTitle("Unknown channel");
      problems.write(request, response, problem, new HttpHeaders());
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    Optional<String> refusal = WebhookSignature.refusal(secret.get(),
        request.getHeader(WebhookSignature.TIMESTAMP_HEADER), request.getHeader(WebhookSignature.SIGNATURE_HEADER),
        body, ClockUtil.getCurrentTime().toInstant(), settings.signatureTolerance());
    if (refusal.isPresent()) {
      LOG.info("Refused a message to webhook {}: {}", webhook.get().pathSegment(), refusal.get());
      var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refusal.get());
      problem.setTitle("Unsigned or wrongly signed message");
      var headers = new HttpHeaders();
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "HMAC-SHA256 realm=\"complaint-desk\"");
      problems.write(request, response, problem, headers);
      return;
    }
    request.setAttribute(VERIFIED_WEBHOOK, webhook.get());
    chain.doFilter(new VerifiedBodyRequest(request, body), response);
  }

  /** The request with the body this filter read and verified, to be read once more by Spring MVC. */
  private static final class VerifiedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    VerifiedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      return new BufferedBodyStream(body);
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
