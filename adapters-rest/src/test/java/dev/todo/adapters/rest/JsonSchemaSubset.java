package dev.todo.adapters.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a parsed JSON document against the subset of JSON Schema that {@code
 * docs/export.schema.json} uses: {@code type} (one or several), {@code required}, {@code
 * properties}, {@code additionalProperties: false}, {@code items}, {@code enum}, {@code minimum},
 * {@code pattern} and local {@code $ref}s into {@code $defs}. Any other keyword is refused, so that
 * the schema cannot grow a rule this check would silently skip ({@code format}, {@code
 * description}, {@code title} are annotations).
 */
final class JsonSchemaSubset {

  private static final List<String> KNOWN =
      List.of(
          "$schema",
          "$id",
          "$defs",
          "$ref",
          "title",
          "description",
          "format",
          "type",
          "required",
          "properties",
          "additionalProperties",
          "items",
          "enum",
          "minimum",
          "pattern");

  private final Map<String, Object> root;

  JsonSchemaSubset(Map<String, Object> root) {
    this.root = root;
  }

  /** What in {@code document} breaks the schema, one line each; empty when it is valid. */
  List<String> violations(Object document) {
    var found = new ArrayList<String>();
    check(root, document, "$", found);
    return found;
  }

  @SuppressWarnings("unchecked")
  private void check(Map<String, Object> schema, Object value, String at, List<String> found) {
    for (String keyword : schema.keySet()) {
      if (!KNOWN.contains(keyword)) {
        throw new IllegalArgumentException("unsupported keyword " + keyword + " at " + at);
      }
    }
    if (schema.containsKey("$ref")) {
      String name = ((String) schema.get("$ref")).substring("#/$defs/".length());
      check(
          (Map<String, Object>) ((Map<String, Object>) root.get("$defs")).get(name),
          value,
          at,
          found);
      return;
    }
    if (schema.containsKey("type") && !hasType(schema.get("type"), value)) {
      found.add(at + ": " + value + " is not of type " + schema.get("type"));
      return;
    }
    if (schema.containsKey("enum") && !((List<Object>) schema.get("enum")).contains(value)) {
      found.add(at + ": " + value + " is not one of " + schema.get("enum"));
    }
    if (schema.containsKey("minimum")
        && value instanceof Number n
        && n.doubleValue() < ((Number) schema.get("minimum")).doubleValue()) {
      found.add(at + ": " + value + " is below " + schema.get("minimum"));
    }
    if (schema.containsKey("pattern")
        && value instanceof String s
        && !Pattern.compile((String) schema.get("pattern")).matcher(s).find()) {
      found.add(at + ": " + s + " does not match " + schema.get("pattern"));
    }
    if (value instanceof Map<?, ?> object) {
      var properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
      for (String name : (List<String>) schema.getOrDefault("required", List.of())) {
        if (!object.containsKey(name)) {
          found.add(at + ": required " + name + " is missing");
        }
      }
      for (var entry : object.entrySet()) {
        var property = (Map<String, Object>) properties.get(entry.getKey());
        if (property != null) {
          check(property, entry.getValue(), at + "." + entry.getKey(), found);
        } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
          found.add(at + ": " + entry.getKey() + " is not allowed");
        }
      }
    }
    if (value instanceof List<?> array && schema.containsKey("items")) {
      for (int i = 0; i < array.size(); i++) {
        check((Map<String, Object>) schema.get("items"), array.get(i), at + "[" + i + "]", found);
      }
    }
  }

  private static boolean hasType(Object type, Object value) {
    if (type instanceof List<?> types) {
      return types.stream().anyMatch(t -> hasType(t, value));
    }
    return switch ((String) type) {
      case "null" -> value == null;
      case "string" -> value instanceof String;
      case "boolean" -> value instanceof Boolean;
      case "integer" ->
          value instanceof Integer
              || value instanceof Long
              || value instanceof java.math.BigInteger;
      case "number" -> value instanceof Number;
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }
}
