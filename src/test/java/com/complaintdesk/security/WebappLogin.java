package com.complaintdesk.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Logs in to a Camunda webapp the way its login page does: a first GET hands out the CSRF token (cookie
 * XSRF-TOKEN and header X-XSRF-TOKEN), the login POST sends it back with the session cookie.
 */
final class WebappLogin {

  private final String baseUrl;

  WebappLogin(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  /** The status of the login answer: 200 when the user may use the app, 401 or 403 when not. */
  int status(String app, String user, String password) {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    try {
      var page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      String csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow(
          () -> new AssertionError("the " + app + " page hands out no CSRF token"));
      String form = "username=" + encode(user) + "&password=" + encode(password);
      var login = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", csrfToken)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
      return login.statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
