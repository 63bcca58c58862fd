package com.complaintdesk.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents what the operations of a kind share, so that the controllers declare only what is their own (a
 * 409 or 422 with what it means there): the tag, who may call, the headers, and the error answers of invalid
 * and oversized bodies, unknown complaints, the rate limit, the staff login, the channels' signature and the 500. Every error answer
 * is a problem detail, except the staff login's 401 and 403, which Spring Security answers before our code.
 */
class ApiOperationDocumentation implements OpenApiCustomizer {

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM_SCHEMA = "Problem";

  private final PublicApiProperties limits;

  ApiOperationDocumentation(PublicApiProperties limits) {
    this.limits = limits;
  }

  @Override
  public void customise(OpenAPI openApi) {
    // Here rather than in the OpenAPI bean: springdoc drops schemas that nothing refers to before this runs.
    openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
    openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
      boolean staff = path.startsWith("/api/intake");
      boolean channels = path.startsWith("/api/channels");
      if (path.startsWith("/api/analytics")) {
        operation.setTags(List.of("Analytics"));
        operation.setResponses(inOrderOfStatus(analyticsErrors(operation, path)));
        return;
      }
      operation.setTags(List.of(staff ? "Staff intake" : channels ? "Channels" : "Complainants"));
      if (channels) {
        operation.setSecurity(List.of(new SecurityRequirement().addList(OpenApiConfiguration.CHANNEL_SIGNATURE)));
      } else if (!staff) {
        // Said explicitly: no login; the tracking number and its access token are the complainant's key.
        operation.setSecurity(List.of());
      }
      describeHeaders(operation);
      operation.setResponses(inOrderOfStatus(withErrors(operation, path, staff, channels)));
    }));
  }

  private ApiResponses withErrors(Operation operation, String path, boolean staff, boolean channels) {
    ApiResponses responses = operation.getResponses();
    if (operation.getRequestBody() != null) {
      responses.addApiResponse("400", error("Invalid request: `errors` names each wrong field and why."));
      responses.addApiResponse("413", error("The request body is larger than "
          + RequestBodyTooLarge.readable(limits.maxBodySize()) + "."));
    }
    if (path.contains("{trackingNumber}") && staff) {
      responses.addApiResponse("404", error("No complaint with this tracking number."));
    } else if (path.contains("{trackingNumber}")) {
      responses.addApiResponse("404", error("No such complaint, or a missing or wrong `X-Access-Token`: the same"
          + " answer either way, so nobody learns which tracking numbers exist."));
    }
    if (!staff && !channels) {
      responses.addApiResponse("429", error("Too many requests from this address within a minute; retry after"
          + " `Retry-After` seconds.").addHeaderObject("Retry-After", seconds()));
    }
    responses.addApiResponse("500", error("Something went wrong on our side; a complaint answered with a"
        + " tracking number is not lost."));
    // springdoc gives the errors a controller declares the operation's success content; ours are all problems.
    responses.forEach((status, response) -> {
      if (status.matches("[45]\\d\\d")) {
        response.setContent(problemContent());
      }
    });
    if (staff) {
      responses.addApiResponse("401", error("No or wrong HTTP Basic credentials."));
      if (!responses.containsKey("403")) {
        responses.addApiResponse("403", error("The user is not in the `intake` group."));
      }
    }
    return responses;
  }

  private static ApiResponses analyticsErrors(Operation operation, String path) {
    ApiResponses responses = operation.getResponses();
    responses.addApiResponse("400", error("A filter that cannot be applied: `detail` says which and why (a day"
        + " that is no ISO date, `from` after `to`, a value that is no id)."));
    if (path.endsWith(".csv")) {
      responses.addApiResponse("404", error("No figure of this name; `detail` lists the figures."));
    }
    responses.addApiResponse("500", error("Something went wrong on our side."));
    responses.forEach((status, response) -> {
      if (status.matches("[45]\\d\\d")) {
        response.setContent(problemContent());
      }
    });
    responses.addApiResponse("401", error("No or wrong HTTP Basic credentials."));
    responses.addApiResponse("403", error("The user is no complaint manager, auditor or administrator."));
    return responses;
  }

  private static ApiResponses inOrderOfStatus(ApiResponses responses) {
    var ordered = new ApiResponses();
    new TreeMap<>(responses).forEach(ordered::addApiResponse);
    return ordered;
  }

  private static void describeHeaders(Operation operation) {
    if (operation.getParameters() == null) {
      return;
    }
    operation.getParameters().forEach(parameter -> {
      switch (parameter.getName()) {
        case "X-Access-Token" -> parameter.required(true).description("The secret access token that the"
            + " submission answered with, together with the tracking number; only the complainant has it.");
        case "Idempotency-Key" -> parameter.description("A key the client makes up for this complaint, e.g. a"
            + " UUID. A retry with the same key and body answers as the first request did and files nothing"
            + " new; the same key with another body is refused with 422.");
        case "trackingNumber" -> parameter.description("The tracking number the submission answered with.")
            .example("CD-7K2M9QX4TB");
        default -> { }
      }
    });
  }

  private static ApiResponse error(String description) {
    return new ApiResponse().description(description);
  }

  private static Content problemContent() {
    return new Content().addMediaType(PROBLEM_JSON, new MediaType()
        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
  }

  private static Schema<?> problemSchema() {
    var fieldError = new ObjectSchema()
        .addProperty("field", new StringSchema().description("the JSON path of the field, e.g. `contact.email`"))
        .addProperty("message", new StringSchema().description("what is wrong with it"));
    return new ObjectSchema()
        .description("An RFC 9457 problem detail.")
        .addProperty("type", new StringSchema().format("uri").example("about:blank"))
        .addProperty("title", new StringSchema().example("Invalid request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().description("what went wrong and what to do about it")
            .example("subject: must not be blank"))
        .addProperty("instance", new StringSchema().format("uri-reference").example("/api/complaints"))
        .addProperty("errors", new ArraySchema().items(fieldError)
            .description("400 only: each wrong field of the request"))
        .addProperty("maxBytes", new IntegerSchema().format("int64")
            .description("413 only: the largest request body accepted, in bytes"));
  }

  private static Header seconds() {
    return new Header().description("Seconds to wait before the next request.").schema(new IntegerSchema());
  }
}
