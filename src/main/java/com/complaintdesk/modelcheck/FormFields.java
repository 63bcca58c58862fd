package com.complaintdesk.modelcheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The fields of a Camunda Form (form-js JSON): the components with a key, also those inside groups. */
public final class FormFields {

  private FormFields() {
  }

  public static List<JsonNode> of(JsonNode form) {
    List<JsonNode> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return fields;
  }

  /** A field a user fills in; a disabled or read-only one only shows context. */
  public static boolean editable(JsonNode field) {
    return !field.path("disabled").asBoolean(false) && !field.path("readonly").asBoolean(false);
  }

  private static void collect(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        fields.add(component);
      }
      collect(component.path("components"), fields);
    }
  }
}
