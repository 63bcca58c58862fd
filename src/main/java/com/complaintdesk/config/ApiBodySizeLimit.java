package com.complaintdesk.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.filter.OrderedFilter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Keeps the JSON API from reading more than its limit: a declared Content-Length above it is refused before
 * anything runs; a chunked body that grows past it fails while it is read, with {@link RequestBodyTooLarge}.
 * Either way the client gets 413 with a problem detail. Runs before Boot's form-content filter and Spring
 * Security, so an oversized body is neither buffered nor costs a password check.
 */
@Component
@Order(ApiBodySizeLimit.ORDER)
class ApiBodySizeLimit extends ApiPathFilter {

  /** After Boot's character-encoding and forwarded-header filters, before its form-content filter (-9900). */
  static final int ORDER = OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 10_000;

  private final DataSize limit;
  private final ProblemResponses problems;

  ApiBodySizeLimit(PublicApiProperties properties, ProblemResponses problems) {
    super("/api");
    this.limit = properties.maxBodySize();
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit.toBytes()) {
      refuse(request, response, new RequestBodyTooLarge(limit));
      return;
    }
    try {
      chain.doFilter(new LimitedBodyRequest(request, limit), response);
    } catch (RequestBodyTooLarge tooLarge) {
      // Read by a filter before Spring MVC (e.g. Boot's form-content filter), where no handler answers it.
      if (response.isCommitted()) {
        throw tooLarge;
      }
      refuse(request, response, tooLarge);
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, RequestBodyTooLarge tooLarge)
      throws IOException {
    problems.write(request, response, tooLarge.getBody(), tooLarge.getHeaders());
  }

  /** The request as the application sees it: its body ends in an exception once it passes the limit. */
  private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final DataSize limit;
    private ServletInputStream body;

    LimitedBodyRequest(HttpServletRequest request, DataSize limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (body == null) {
        body = new LimitedInputStream(super.getInputStream(), limit);
      }
      return body;
    }

    // The wrapped request's reader would read past our stream.
    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private final DataSize limit;
    private long read;

    LimitedInputStream(ServletInputStream delegate, DataSize limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int next = delegate.read();
      if (next != -1) {
        counted(1);
      }
      return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int count = delegate.read(buffer, offset, length);
      if (count > 0) {
        counted(count);
      }
      return count;
    }

    // Unchecked on purpose: Jackson and Spring's message conversion turn an IOException into a 400
    // "malformed request", but let this through to the handler that answers 413.
    private void counted(int bytes) {
      read += bytes;
      if (read > limit.toBytes()) {
        throw new RequestBodyTooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
