package com.complaintdesk.config;

import com.complaintdesk.complaint.InvalidTaskInput;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the engine REST API ({@code /engine-rest}) answers when a call fails. Camunda's exception mappers put
 * the exception's message into {@code {"type", "message"}}: for a 500 that can be SQL, MyBatis' "###" report,
 * class names; a wrongly typed JSON field even gets a plain-text answer naming Camunda's classes. Here:
 * <ul>
 *   <li>a 5xx says only that something went wrong, with a reference; the server log has the exception under
 *       that reference, its messages with quoted values blanked (they are where personal data would be);</li>
 *   <li>a 4xx keeps Camunda's message (it tells the caller what to fix), unless the message shows SQL, MyBatis
 *       markers, stack frames or fully qualified class names: then it is replaced by a plain sentence;</li>
 *   <li>a task form answer our task listeners refuse ({@link InvalidTaskInput}, which Camunda reports as a 500
 *       "Cannot complete task") is the 400 it is, with the listener's message the user has to read;</li>
 *   <li>the {@code type} stays Camunda's (a simple exception name such as InvalidRequestException or
 *       AuthorizationException, part of the REST API's contract), and so does {@code code}.</li>
 * </ul>
 * Why exception mappers rather than a servlet filter that rewrites answers: a mapper has the exception itself,
 * so it can log the original failure under the reference the caller sees, and tell a refused form input from
 * a failure, which a filter, seeing only the answer's text, cannot. Ours take precedence over Camunda's by
 * mapping the same exception types with a higher priority. They apply to {@code /engine-rest}, the REST API
 * Spring Boot's Jersey serves; the webapps' own copy of it (Camunda's servlet under {@code /camunda/api}) keeps
 * Camunda's answers.
 */
@Component
class EngineRestErrorAnswers implements ResourceConfigCustomizer {

  private static final Logger log = LoggerFactory.getLogger(EngineRestErrorAnswers.class);

  /** Ahead of Camunda's mappers (and Jersey's Jackson mapper), which have the default user priority. */
  private static final int BEFORE_CAMUNDA = Priorities.USER - 100;

  private static final Pattern INTERNALS = Pattern.compile(String.join("|",
      "###",
      // SQL, and the names of the engine's tables
      "(?i:\\bselect\\b.*\\bfrom\\b|\\binsert\\s+into\\b|\\bupdate\\s+\\S+\\s+set\\b|\\bdelete\\s+from\\b)",
      "(?i:\\bsql\\s*(?:state|statement|exception|error)|\\bjdbc\\b)",
      "\\bACT_(?:RU|HI|RE|ID|GE)_",
      // stack frames and fully qualified class names
      "\\bat\\s+[\\w$]+(?:\\.[\\w$]+)+\\(",
      "\\b[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z][\\w$]*"),
      Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

  @Override
  public void customize(ResourceConfig config) {
    config.register(ForThrowable.class, BEFORE_CAMUNDA);
    config.register(ForProcessEngineException.class, BEFORE_CAMUNDA);
    config.register(ForRestException.class, BEFORE_CAMUNDA);
    config.register(ForJsonParseException.class, BEFORE_CAMUNDA);
    config.register(ForJsonMappingException.class, BEFORE_CAMUNDA);
  }

  private static Response answer(Throwable failure) {
    InvalidTaskInput input = causeOf(failure, InvalidTaskInput.class);
    if (input != null) {
      return json(400, exception("InvalidRequestException", input.getMessage(), null));
    }
    int status = statusOf(failure);
    ExceptionDto answer = bodyOf(failure);
    if (status >= 500) {
      String reference = UUID.randomUUID().toString();
      log.error("Engine REST answered {} with reference {}", status, reference, withoutValues(failure));
      answer.setMessage("The engine failed to process this request. Please report reference " + reference + ".");
    } else if (answer.getMessage() != null && INTERNALS.matcher(answer.getMessage()).find()) {
      String reference = UUID.randomUUID().toString();
      log.info("Engine REST answered {} with reference {} instead of: {}", status, reference, withoutValues(failure)
          .getMessage());
      answer.setMessage("The request does not fit this endpoint: check its parameters and body against the"
          + " Camunda REST API reference (reference " + reference + ").");
    }
    return json(status, answer);
  }

  private static int statusOf(Throwable failure) {
    if (failure instanceof JsonParseException || failure instanceof JsonMappingException) {
      return 400;
    }
    return ExceptionHandlerHelper.getInstance().getStatus(failure).getStatusCode();
  }

  private static ExceptionDto bodyOf(Throwable failure) {
    if (failure instanceof JsonParseException) {
      return exception("InvalidRequestException", "The request body is not valid JSON.", null);
    }
    if (failure instanceof JsonMappingException mapping) {
      String field = mapping.getPath().stream()
          .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
          .collect(Collectors.joining("."));
      return exception("InvalidRequestException", field.isEmpty()
          ? "The request body does not have the structure this endpoint takes."
          : "The request body's field '" + field + "' has a value of the wrong type or form.", null);
    }
    return ExceptionHandlerHelper.getInstance().fromException(failure);
  }

  private static ExceptionDto exception(String type, String message, Integer code) {
    var dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    dto.setCode(code);
    return dto;
  }

  private static Response json(int status, ExceptionDto body) {
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  /**
   * The failure as it is logged: each exception of the chain with its class, its stack and its message, in
   * which quoted parts are blanked: engine, SQL and database messages quote the values they complain about.
   */
  private static Throwable withoutValues(Throwable failure) {
    Throwable cause = failure.getCause() == null ? null : withoutValues(failure.getCause());
    String message = failure.getMessage() == null ? "" : ": " + QUOTED.matcher(failure.getMessage()).replaceAll("'…'");
    var logged = new Redacted(failure.getClass().getName() + message, cause);
    logged.setStackTrace(failure.getStackTrace());
    return logged;
  }

  /** An exception as logged: its message starts with the name of the original's class. */
  private static final class Redacted extends RuntimeException {

    Redacted(String message, Throwable cause) {
      super(message, cause, false, true);
    }
  }

  // One mapper per exception type Camunda maps, so that ours is as specific and wins on priority.

  static final class ForThrowable implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable failure) {
      return answer(failure);
    }
  }

  static final class ForProcessEngineException implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException failure) {
      return answer(failure);
    }
  }

  static final class ForRestException implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException failure) {
      return answer(failure);
    }
  }

  static final class ForJsonParseException implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException failure) {
      return answer(failure);
    }
  }

  static final class ForJsonMappingException implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException failure) {
      return answer(failure);
    }
  }
}
