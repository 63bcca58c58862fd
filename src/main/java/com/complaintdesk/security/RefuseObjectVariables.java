package com.complaintdesk.security;

import com.complaintdesk.security.EngineRestRequest.Unreadable;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses variables of type {@code Object} and Java-serialized values wherever a JSON body carries them
 * (completing a task, starting a process, setting variables, correlating messages...). Deserializing a value
 * into a Java type the caller names is how remote code execution through variables works; our processes use
 * strings, numbers, booleans, dates and {@code Json} only. The engine refuses Java serialization itself
 * ({@code java-serialization-format-enabled: false}, answered as a 500) and checks the types it deserializes
 * JSON objects into ({@code deserialization-type-validation-enabled}); this check refuses earlier and clearly.
 * Multipart uploads of binary variables are left to those engine settings.
 */
final class RefuseObjectVariables extends EngineRestCheck {

  private static final String JAVA_SERIALIZED = "application/x-java-serialized-object";

  @Override
  Optional<String> refusal(EngineRestRequest request) throws Unreadable {
    String path = request.enginePath();
    // PUT .../variables/{name} takes the value itself as the body
    String named = path.substring(path.lastIndexOf('/') + 1);
    return objectValue(named, request.json()).map(name ->
        "Variables of type Object and Java-serialized values are not accepted (" + name
            + "): send JSON as type Json, or a string, number, boolean or date.");
  }

  /** The name of a variable value in this JSON that is an Object or Java-serialized, looking at every level. */
  private static Optional<String> objectValue(String name, JsonNode node) {
    if (isObjectValue(node)) {
      return Optional.of(name);
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        var field = fields.next();
        Optional<String> found = objectValue(field.getKey(), field.getValue());
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        Optional<String> found = objectValue(name, element);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** A variable value is {@code {"value": ..., "type": ..., "valueInfo": {...}}}; either of the last two may say it. */
  private static boolean isObjectValue(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    boolean typeObject = "object".equals(node.path("type").asText("").toLowerCase(Locale.ROOT))
        && (node.has("value") || node.has("valueInfo"));
    boolean javaSerialized = node.path("valueInfo").path("serializationDataFormat").asText("")
        .toLowerCase(Locale.ROOT).contains(JAVA_SERIALIZED);
    return typeObject || javaSerialized;
  }
}
