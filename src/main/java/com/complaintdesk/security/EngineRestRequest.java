package com.complaintdesk.security;

import com.complaintdesk.config.BufferedBodyStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A call to the engine REST API (or the webapps' copy of it) as the checks in front of it see it: its query
 * parameter names and its JSON body, read once and handed on unchanged, so that Jersey reads the same bytes.
 * The body is parsed as strictly as Camunda's own JSON mapper does; a body that claims to be JSON and is not
 * is refused here rather than passed on, so no check can be got round by JSON that only one side understands.
 */
final class EngineRestRequest extends HttpServletRequestWrapper {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] body;
  private JsonNode json;

  private EngineRestRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** The request with its body read; the same object when an earlier check already read it. */
  static EngineRestRequest of(HttpServletRequest request) throws IOException {
    if (request instanceof EngineRestRequest read) {
      return read;
    }
    return new EngineRestRequest(request, mayBeJson(request) ? request.getInputStream().readAllBytes() : null);
  }

  /** Multipart uploads (deployments, files) and forms go on unread: Jersey does not read them as JSON. */
  private static boolean mayBeJson(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null) {
      return request.getContentLengthLong() != 0;
    }
    type = type.toLowerCase(Locale.ROOT);
    return !type.startsWith("multipart/") && !type.startsWith("application/x-www-form-urlencoded")
        && !type.startsWith("application/octet-stream");
  }

  /** The JSON body, or a missing node when there is none. */
  JsonNode json() throws Unreadable {
    if (json == null) {
      json = parse();
    }
    return json;
  }

  private JsonNode parse() throws Unreadable {
    if (body == null || body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode tree = JSON.readTree(body);
      return tree == null ? MissingNode.getInstance() : tree;
    } catch (IOException notJson) {
      if (claimsJson()) {
        throw new Unreadable("The request body is not valid JSON.");
      }
      return MissingNode.getInstance();
    }
  }

  private boolean claimsJson() {
    String type = getContentType();
    return type == null || type.toLowerCase(Locale.ROOT).contains("json") || type.contains("*");
  }

  /** The names of the query parameters, decoded as Jersey decodes them. */
  List<String> queryParameterNames() throws Unreadable {
    List<String> names = new ArrayList<>();
    String query = getQueryString();
    if (query == null) {
      return names;
    }
    for (String pair : query.split("&")) {
      String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      try {
        names.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException badEncoding) {
        throw new Unreadable("The query string is not properly encoded.");
      }
    }
    return names;
  }

  /**
   * The path below the API's root and below {@code /engine/{name}}, e.g. {@code /task} or {@code /filter/x/list}.
   * The servlet container has already decoded and normalised it (no {@code ..}, no {@code ;parameters}).
   */
  String enginePath() {
    String path = getPathInfo() == null ? "" : getPathInfo();
    return path.replaceFirst("^/engine/[^/]+(?=/|$)", "");
  }

  /** Answers the call with 400 in the shape of Camunda's own error answers, which Tasklist and Cockpit show. */
  static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException", "message", message));
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (body == null) {
      return super.getInputStream();
    }
    return new BufferedBodyStream(body);
  }

  @Override
  public BufferedReader getReader() throws IOException {
    if (body == null) {
      return super.getReader();
    }
    String encoding = getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  /** The call cannot be checked because its body or query string cannot be read; the message says why. */
  static final class Unreadable extends Exception {

    Unreadable(String message) {
      super(message, null, false, false);
    }
  }
}
