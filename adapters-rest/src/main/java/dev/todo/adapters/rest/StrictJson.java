package dev.todo.adapters.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.todo.domain.error.MalformedInputException;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Parses a request body into a JSON tree more strictly than the general-purpose mapper: exactly one
 * JSON value with nothing after it, no duplicate keys, and integers kept apart from numbers with a
 * fraction or exponent ({@code 2} is an integer, {@code 2.0} is not). Jackson's default limits on
 * nesting depth and token sizes apply.
 */
final class StrictJson {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private StrictJson() {}

  static JsonNode parse(byte[] body) {
    try (var parser = FACTORY.createParser(body)) {
      var first = parser.nextToken();
      if (first == null) {
        throw new MalformedInputException("The body is empty");
      }
      var node = read(parser, first);
      if (parser.nextToken() != null) {
        throw new MalformedInputException("The body has content after the JSON value");
      }
      return node;
    } catch (IOException e) {
      throw new MalformedInputException("The body is not valid JSON");
    }
  }

  private static JsonNode read(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        var members = new LinkedHashMap<String, JsonNode>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          var name = parser.currentName();
          members.put(name, read(parser, parser.nextToken()));
        }
        yield JsonNode.createObjectNode(members);
      }
      case START_ARRAY -> {
        var items = new ArrayList<JsonNode>();
        for (var next = parser.nextToken();
            next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          items.add(read(parser, next));
        }
        yield JsonNode.createArrayNode(items);
      }
      case VALUE_STRING -> JsonNode.createStringNode(parser.getText());
      case VALUE_NUMBER_INT -> integer(parser);
      case VALUE_NUMBER_FLOAT -> JsonNode.createNumberNode(parser.getDecimalValue());
      case VALUE_TRUE -> JsonNode.createBooleanNode(true);
      case VALUE_FALSE -> JsonNode.createBooleanNode(false);
      case VALUE_NULL -> JsonNode.nullNode();
      default -> throw new MalformedInputException("The body is not valid JSON");
    };
  }

  private static JsonNode integer(JsonParser parser) throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> JsonNode.createNumberNode(parser.getIntValue());
      case LONG -> JsonNode.createNumberNode(parser.getLongValue());
      default -> {
        BigInteger big = parser.getBigIntegerValue();
        yield JsonNode.createNumberNode(big);
      }
    };
  }
}
