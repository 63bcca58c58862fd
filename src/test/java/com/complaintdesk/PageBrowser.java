package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The complainant's pages as a browser without JavaScript uses them: plain GETs in a language and form POSTs
 * with the session cookie and the page's CSRF token; redirects are answers to look at, not followed.
 */
public final class PageBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final int port;
  private String language = "en";

  public PageBrowser(int port) {
    this.port = port;
  }

  /** A page as a browser set to this language asks for it; later posts keep the language. */
  public HttpResponse<String> get(String path, String acceptLanguage) throws IOException, InterruptedException {
    language = acceptLanguage;
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept-Language", acceptLanguage).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A form post; without a CSRF token (null) as a forged one would come. */
  public HttpResponse<String> post(String path, String csrfToken, Map<String, String> fields)
      throws IOException, InterruptedException {
    var all = new LinkedHashMap<>(fields);
    if (csrfToken != null) {
      all.put("_csrf", csrfToken);
    }
    String body = all.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept-Language", language)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The CSRF token a page's forms carry. */
  public static String csrf(HttpResponse<String> page) {
    var matcher = CSRF.matcher(page.body());
    assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
    return matcher.group(1);
  }
}
