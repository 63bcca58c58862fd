package com.complaintdesk.security;

import com.complaintdesk.security.EngineRestRequest.Unreadable;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses task queries that carry an expression ({@code assigneeExpression=${...}}): the engine would evaluate
 * it, that is, run code the caller wrote. The engine setting {@code enable-expressions-in-adhoc-queries: false}
 * refuses expressions at the top level of a query only; inside {@code "orQueries"} Camunda 7.24 evaluates them
 * (checked over {@code POST /task}, {@code /task/count} and {@code /filter/{id}/list}). So this check refuses every
 * query parameter, top-level body field and {@code orQueries} field whose name ends in "Expression", on every
 * path of the API (only task queries have such fields). Saving a filter ({@code POST /filter/create},
 * {@code PUT /filter/{id}}) may store expressions: Tasklist's filters need {@code ${currentUser()}}, and only
 * administrators may create or change filters.
 */
final class RefuseQueryExpressions extends EngineRestCheck {

  private static final Pattern FILTER = Pattern.compile("/filter/[^/]+/?");

  @Override
  Optional<String> refusal(EngineRestRequest request) throws Unreadable {
    for (String name : request.queryParameterNames()) {
      if (namesExpression(name)) {
        return Optional.of(refusal(name));
      }
    }
    if (savesFilter(request)) {
      return Optional.empty();
    }
    return expressionField(request.json()).map(RefuseQueryExpressions::refusal);
  }

  private static String refusal(String field) {
    return "Queries may not hold expressions (" + field + "): send the value itself.";
  }

  private static boolean savesFilter(EngineRestRequest request) {
    String path = request.enginePath();
    return ("POST".equals(request.getMethod()) && path.matches("/filter/create/?"))
        || ("PUT".equals(request.getMethod()) && FILTER.matcher(path).matches());
  }

  /** A field of the query itself or of one of its {@code orQueries} (which may nest) that names an expression. */
  private static Optional<String> expressionField(JsonNode query) {
    if (!query.isObject()) {
      return Optional.empty();
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = query.fields(); fields.hasNext(); ) {
      var field = fields.next();
      if (namesExpression(field.getKey())) {
        return Optional.of(field.getKey());
      }
      if ("orqueries".equals(field.getKey().toLowerCase(Locale.ROOT))) {
        for (JsonNode orQuery : field.getValue()) {
          Optional<String> found = expressionField(orQuery);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean namesExpression(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith("expression");
  }
}
