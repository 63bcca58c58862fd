package com.complaintdesk;

import com.jayway.jsonpath.JsonPath;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Plain HTTP against the running app, as a client or a demo user would call it; never throws on 4xx/5xx. */
public final class HttpClient {

  private final RestClient client;

  public HttpClient(int port) {
    this.client = RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .defaultStatusHandler(status -> true, (request, response) -> { })
        .build();
  }

  /** A response's status, headers and body text, with a JSON path reader. */
  public record Response(int status, HttpHeaders headers, String body) {

    public <T> T json(String path) {
      return JsonPath.read(body, path);
    }
  }

  public Response send(HttpMethod method, String path, String user, String jsonBody, String... headerPairs) {
    var request = client.method(method).uri(path);
    if (user != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    for (int i = 0; i < headerPairs.length; i += 2) {
      request.header(headerPairs[i], headerPairs[i + 1]);
    }
    if (jsonBody != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
    }
    var entity = request.retrieve().toEntity(String.class);
    return new Response(entity.getStatusCode().value(), entity.getHeaders(), entity.getBody());
  }

  public Response get(String path, String user, String... headerPairs) {
    return send(HttpMethod.GET, path, user, null, headerPairs);
  }

  public Response post(String path, String user, String jsonBody, String... headerPairs) {
    return send(HttpMethod.POST, path, user, jsonBody, headerPairs);
  }
}
