package dev.todo.adapters.persistence;

import dev.todo.domain.audit.Changes;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An audit event's changes as stored: a JSON object of field to an array of scalars. */
@Singleton
final class ChangesJson {

  private final JsonMapper json;

  ChangesJson(JsonMapper json) {
    this.json = json;
  }

  String write(Changes changes) {
    var fields = new LinkedHashMap<String, JsonNode>();
    changes
        .fields()
        .forEach(
            (field, values) ->
                fields.put(
                    field,
                    JsonNode.createArrayNode(values.stream().map(ChangesJson::node).toList())));
    try {
      return json.writeValueAsString(JsonNode.createObjectNode(fields));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Changes read(String text) {
    JsonNode stored;
    try {
      stored = json.readValue(text, JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var fields = new LinkedHashMap<String, List<Object>>();
    for (Map.Entry<String, JsonNode> field : stored.entries()) {
      var values = new ArrayList<Object>();
      field.getValue().values().forEach(value -> values.add(scalar(value)));
      fields.put(field.getKey(), values);
    }
    return Changes.read(fields);
  }

  private static JsonNode node(Object value) {
    return switch (value) {
      case null -> JsonNode.nullNode();
      case String string -> JsonNode.createStringNode(string);
      case Boolean bool -> JsonNode.createBooleanNode(bool);
      case Long number -> JsonNode.createNumberNode(number);
      default -> throw new IllegalArgumentException("Not a scalar: " + value);
    };
  }

  private static Object scalar(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (value.isString()) {
      return value.getStringValue();
    }
    if (value.isBoolean()) {
      return value.getBooleanValue();
    }
    if (value.isNumber()) {
      return value.getLongValue();
    }
    throw new IllegalStateException("Not a scalar in stored changes: " + value);
  }
}
