package com.complaintdesk.complaint;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads processes/catalogue.yaml and checks it entry by entry, so that a designer's slip (a misspelt key, a
 * missing label, an id used twice) stops the start with a message that says where, instead of a form or a
 * rule failing later in front of a user.
 */
final class CatalogueFile {

  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
  private static final Set<String> LANGUAGES = Set.of(Category.ENGLISH, Category.SIMPLIFIED_CHINESE);

  private final String source;

  CatalogueFile(String source) {
    this.source = source;
  }

  Catalogue read(InputStream in) {
    Object document;
    try {
      var options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      document = new Yaml(new SafeConstructor(options)).load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (YAMLException e) {
      throw invalid("is not well-formed YAML: " + e.getMessage(), e);
    }
    if (document == null) {
      throw invalid("is empty; it needs the lists categories and departments");
    }
    var top = mapping(document, "top level", Set.of("categories", "departments"));
    var categories = entries(top, "categories", this::category);
    if (categories.stream().noneMatch(Category::choosable)) {
      throw invalid("no category is choosable (choosable: true), so the public form would offer nothing to choose");
    }
    return new Catalogue(categories, entries(top, "departments", this::department));
  }

  private Category category(Map<String, Object> entry, String where) {
    var fields = mapping(entry, where, Set.of("id", "label", "choosable"));
    var labels = mapping(required(fields, "label", where), where + ", label", LANGUAGES);
    Map<String, String> texts = new LinkedHashMap<>();
    labels.forEach((language, text) -> texts.put(language, text(text, where + ", label " + language)));
    if (!texts.containsKey(Category.ENGLISH)) {
      throw invalid(where + ": label needs an English text (en); the public pages fall back to it");
    }
    if (!(required(fields, "choosable", where) instanceof Boolean choosable)) {
      throw invalid(where + ": choosable must be true or false");
    }
    return new Category(id(fields, where), texts, choosable);
  }

  private Department department(Map<String, Object> entry, String where) {
    var fields = mapping(entry, where, Set.of("id", "name"));
    return new Department(id(fields, where), text(required(fields, "name", where), where + ", name"));
  }

  private <T> List<T> entries(Map<String, Object> top, String list,
      BiFunction<Map<String, Object>, String, T> readEntry) {
    if (!(required(top, list, "top level") instanceof List<?> items) || items.isEmpty()) {
      throw invalid(list + " must be a list with at least one entry (lines starting with \"- id:\")");
    }
    List<T> read = new ArrayList<>();
    Map<String, Integer> entryById = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      String where = list + " entry " + (i + 1) + idOf(item);
      @SuppressWarnings("unchecked")
      var fields = item instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
      if (fields == null) {
        throw invalid(where + ": must be an entry with keys, such as id");
      }
      T value = readEntry.apply(fields, where);
      String id = (String) fields.get("id");
      Integer earlier = entryById.putIfAbsent(id, i + 1);
      if (earlier != null) {
        throw invalid(where + ": the id " + id + " is already taken by entry " + earlier);
      }
      read.add(value);
    }
    return read;
  }

  private static String idOf(Object item) {
    return item instanceof Map<?, ?> map && map.get("id") != null ? " (" + map.get("id") + ")" : "";
  }

  private String id(Map<String, Object> fields, String where) {
    Object id = required(fields, "id", where);
    if (!(id instanceof String text) || !ID.matcher(text).matches()) {
      throw invalid(where + ": the id must be in UPPER_SNAKE_CASE (capital letters, digits, single underscores),"
          + " such as TECH_SUPPORT");
    }
    return text;
  }

  private String text(Object value, String where) {
    if (!(value instanceof String text)) {
      throw invalid(where + ": must be a text; put it in quotes (YAML reads yes, no, true, numbers and the like as"
          + " something else)");
    }
    if (text.isBlank()) {
      throw invalid(where + ": must not be empty");
    }
    return text.strip();
  }

  private Object required(Map<String, Object> fields, String key, String where) {
    Object value = fields.get(key);
    if (value == null) {
      throw invalid(where + ": " + key + " is missing");
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> mapping(Object value, String where, Set<String> allowedKeys) {
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(where + ": must hold keys (" + String.join(", ", new TreeSet<>(allowedKeys)) + ")");
    }
    for (Object key : map.keySet()) {
      if (!allowedKeys.contains(String.valueOf(key))) {
        throw invalid(where + ": unknown key '" + key + "'; the keys are " + String.join(", ", new TreeSet<>(allowedKeys)));
      }
    }
    return (Map<String, Object>) map;
  }

  private CatalogueInvalid invalid(String problem) {
    return invalid(problem, null);
  }

  private CatalogueInvalid invalid(String problem, Throwable cause) {
    return new CatalogueInvalid(source, problem, cause);
  }
}
