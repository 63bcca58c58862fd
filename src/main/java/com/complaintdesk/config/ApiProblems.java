package com.complaintdesk.config;

import com.complaintdesk.analytics.InvalidDashboardFilter;
import com.complaintdesk.complaint.ComplaintConflict;
import com.complaintdesk.complaint.ComplaintNotFound;
import com.complaintdesk.intake.IdempotencyKeyReused;
import com.complaintdesk.intake.webhook.InvalidChannelMessage;
import com.complaintdesk.intake.SubmissionInProgress;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our JSON API is an RFC 9457 problem detail a person can act on: which fields are wrong
 * and why, which values are allowed. Nothing internal (stack traces, class names, SQL) leaves: what no
 * handler here answers, {@link ApiFallbackProblems} turns into a plain 500.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

  /** One wrong field: its JSON path and what is wrong with it. */
  record FieldError(String field, String message) {
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldError(fieldName(error.getField()), error.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = ex.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldError(parameterName(result.getMethodParameter().getParameterName()),
                error.getDefaultMessage())))
        .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = ex.getCause();
    ProblemDetail problem;
    if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", "));
      problem = invalid(List.of(new FieldError(path(invalid), "'" + invalid.getValue() + "' is not allowed; use one of "
          + allowed)));
    } else if (cause instanceof UnrecognizedPropertyException unknown) {
      problem = invalid(List.of(new FieldError(path(unknown), "is not a field of this request")));
    } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      problem = invalid(List.of(new FieldError(path(mismatch), "has the wrong type")));
    } else if (cause instanceof JsonProcessingException) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not well-formed JSON.");
      problem.setTitle("Malformed request");
    } else {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request needs a JSON body.");
      problem.setTitle("Malformed request");
    }
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException ex) {
    return invalid(ex.getConstraintViolations().stream()
        .map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
        .toList());
  }

  @ExceptionHandler(InvalidChannelMessage.class)
  ProblemDetail invalidChannelMessage(InvalidChannelMessage ex) {
    return invalid(List.of(new FieldError(ex.field(), ex.getMessage())));
  }

  @ExceptionHandler(InvalidDashboardFilter.class)
  ProblemDetail invalidDashboardFilter(InvalidDashboardFilter ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    problem.setTitle("Invalid filter");
    return problem;
  }

  @ExceptionHandler(ComplaintNotFound.class)
  ProblemDetail notFound() {
    return ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
  }

  @ExceptionHandler(ComplaintConflict.class)
  ProblemDetail conflict(ComplaintConflict ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    problem.setTitle("Not possible now");
    return problem;
  }

  @ExceptionHandler(IdempotencyKeyReused.class)
  ProblemDetail idempotencyKeyReused(IdempotencyKeyReused ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
    problem.setTitle("Idempotency-Key already used");
    return problem;
  }

  @ExceptionHandler(SubmissionInProgress.class)
  ResponseEntity<ProblemDetail> submissionInProgress(SubmissionInProgress ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    problem.setTitle("Still in progress");
    return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
  }

  private static ProblemDetail invalid(List<FieldError> errors) {
    String detail = errors.stream().map(error -> error.field() + ": " + error.message())
        .collect(Collectors.joining("; "));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    problem.setProperties(Map.of("errors", errors));
    return problem;
  }

  private static String path(JsonProcessingException ex) {
    if (ex instanceof MismatchedInputException mismatch) {
      return mismatch.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
    }
    return "body";
  }

  /** Bean-style getters used for cross-field checks ({@code isChannelSelfService}) name the field they check. */
  private static String fieldName(String field) {
    return switch (field) {
      case "channelSelfService", "channelCapturedByStaff" -> "channel";
      case "textGivenForComplaint", "textLeftOutOfAnswer" -> "text";
      case "scoreGivenWithAnswer" -> "satisfaction";
      case "commentOnlyInAnswer" -> "comment";
      default -> field;
    };
  }

  /** Request headers are named as the client sends them. */
  private static String parameterName(String parameter) {
    return "idempotencyKey".equals(parameter) ? "Idempotency-Key" : parameter;
  }

  private static String lastNode(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
