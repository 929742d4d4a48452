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
 *
 * <p>The text must be exactly what it claims to be: UTF-8 (RFC 8259), decoded strictly, so an
 * overlong form ({@code C0 AF} for {@code /}), an encoded surrogate ({@code ED A0 80}), a code
 * point beyond U+10FFFF, a truncated sequence or another encoding (UTF-16, UTF-32) is refused
 * rather than repaired or guessed. No string or name may hold a lone surrogate either: the escape
 * of a high or low surrogate without its pair is valid JSON grammar, but no store can keep such a
 * string (it came back as {@code ?}). A UTF-8 byte order mark at the start is skipped, as before.
 */
final class StrictJson {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private StrictJson() {}

  static JsonNode parse(byte[] body) {
    var text =
        StrictUtf8.decode(body)
            .orElseThrow(() -> new MalformedInputException("The body is not valid UTF-8"));
    if (text.hasRemaining() && text.get(text.position()) == BYTE_ORDER_MARK) {
      text.get();
    }
    try (var parser =
        FACTORY.createParser(
            text.array(), text.arrayOffset() + text.position(), text.remaining())) {
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
    } catch (NumberFormatException | ArithmeticException e) {
      // well-formed, but beyond what a number can be read as (e.g. an exponent of 23 digits)
      throw new MalformedInputException("The body has a number out of range");
    }
  }

  /** The text of a string or a name, refused if it holds a surrogate without its pair. */
  private static String text(String text) {
    if (text.codePoints().anyMatch(StrictJson::isSurrogate)) {
      throw new MalformedInputException("The body has a string with a lone surrogate");
    }
    return text;
  }

  private static boolean isSurrogate(int codePoint) {
    return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
  }

  private static JsonNode read(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        var members = new LinkedHashMap<String, JsonNode>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          var name = text(parser.currentName());
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
      case VALUE_STRING -> JsonNode.createStringNode(text(parser.getText()));
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
