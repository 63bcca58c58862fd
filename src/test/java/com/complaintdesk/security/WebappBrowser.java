package com.complaintdesk.security;

import com.complaintdesk.PageBrowser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser as Tasklist's scripts use it: it keeps every cookie it is given (whatever its path or Secure flag,
 * so that a test can speak as if through an HTTPS proxy) and echoes the XSRF-TOKEN cookie in the X-XSRF-TOKEN
 * header of a modifying call when asked to.
 */
public final class WebappBrowser {

  static final String FORM = "application/x-www-form-urlencoded";
  static final String JSON = "application/json";

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final String base;
  private final String engine;
  private final String[] headerPairs;

  /** headerPairs go with every request, e.g. the X-Forwarded-Proto of a proxy. */
  public WebappBrowser(int port, String engine, String... headerPairs) {
    this.base = "http://localhost:" + port;
    this.engine = engine;
    this.headerPairs = headerPairs;
  }

  /**
   * Tasklist's login: the page hands out the CSRF token, the login form posts with it, and the next call
   * (Tasklist asks who is logged in) gets a fresh token for the new session. Answers the login post.
   */
  HttpResponse<String> logIn(String user, String password) {
    return logIn("tasklist", user, password);
  }

  /** The same for any webapp: tasklist, cockpit or admin. 200 when the user may use it, 403 when not. */
  public HttpResponse<String> logIn(String app, String user, String password) {
    get("/camunda/app/" + app + "/" + engine + "/");
    var login = post("/camunda/api/admin/auth/user/" + engine + "/login/" + app, FORM,
        "username=" + encode(user) + "&password=" + encode(password), true);
    get("/camunda/api/admin/auth/user/" + engine);
    return login;
  }

  /** A call of the engine API as the webapps make it: /camunda/api/engine/engine/{engine}/... */
  HttpResponse<String> getEngine(String path) {
    return get("/camunda/api/engine/engine/" + engine + path);
  }

  HttpResponse<String> postEngine(String path, String json, boolean withCsrfToken) {
    return post("/camunda/api/engine/engine/" + engine + path, JSON, json, withCsrfToken);
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> post(String path, String contentType, String body, boolean withCsrfToken) {
    var request = request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (withCsrfToken) {
      request.header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    }
    return send(request);
  }

  /** The staff pages' login form (Spring Security, with its CSRF field). Answers the login post (302). */
  public HttpResponse<String> logInToStaffPages(String user, String password) {
    return postForm("/staff/login", "/staff/login", "username=" + encode(user) + "&password=" + encode(password));
  }

  /**
   * Posts a form of our own pages as a browser does: with the {@code _csrf} field of the page that holds the
   * form. {@code formPage} is that page's path.
   */
  public HttpResponse<String> postForm(String formPage, String action, String fields) {
    String csrf = PageBrowser.csrf(get(formPage));
    return post(action, FORM, fields + "&_csrf=" + encode(csrf), false);
  }

  /** The Set-Cookie header that set the named cookie, with all its attributes. */
  static Optional<String> setCookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream().filter(header -> header.startsWith(name + "=")).findFirst();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    var request = HttpRequest.newBuilder(URI.create(base + path));
    for (int i = 0; i < headerPairs.length; i += 2) {
      request.header(headerPairs[i], headerPairs[i + 1]);
    }
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream()
          .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String header : response.headers().allValues("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        int equals = pair.indexOf('=');
        cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
