package dev.todo.adapters.rest;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.error.UnsupportedFormatException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoInput;
import io.micronaut.http.MediaType;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzes the body parser ({@link StrictJson} through {@link JsonBodies}) and the domain's reading
 * of what it returns: whatever the bytes, the outcome is a to-do input the domain accepts, or one
 * of the three refusals the contract maps to 415 and 400. Any other exception would be a 500.
 */
class JsonBodiesFuzzTest {

  private static final JsonBodies BODIES = new JsonBodies();

  private static final List<String> VALID =
      List.of(
          "{\"title\":\"Buy milk\",\"notes\":\"2 l\\n\",\"completed\":true,"
              + "\"due_date\":\"2026-01-20\",\"priority\":\"high\",\"position\":3}",
          "{\"title\":\"\\u00e9\\ud83d\\ude00\",\"notes\":null,\"position\":12345678901234567890123}",
          "{\"completed\":false,\"priority\":null,\"due_date\":null}",
          "{\"title\":\"x\",\"extra\":[1,2.5e3,{\"a\":null},\"\\\"\"],\"id\":\"ignored\",\"version\":7}",
          " {} ");

  /** Fragments that tend to reach the parser's corners: escapes, surrogates, bad UTF-8, nesting. */
  private static final List<byte[]> FRAGMENTS =
      List.of(
          bytes("\""),
          bytes("\\"),
          bytes("\\u"),
          bytes("\\ud800"),
          bytes("\\udc00\\ud83d"),
          bytes("{"),
          bytes("}"),
          bytes("["),
          bytes(","),
          bytes(":"),
          bytes("1e999999"),
          bytes("-0.0"),
          bytes("123456789012345678901234567890"),
          bytes("null"),
          bytes("\"title\":"),
          bytes("[".repeat(1500)),
          new byte[] {(byte) 0xC0, (byte) 0xAF},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
          new byte[] {0, 0x1F, 0x7F},
          new byte[] {(byte) 0xFE, (byte) 0xFF});

  @Property(tries = 3000, seed = FuzzSeeds.SEED)
  void arbitraryBytesAreReadOrRefusedAsTheContractSays(
      @ForAll @Size(max = 300) byte[] body, @ForAll("contentTypes") String contentType) {
    read(contentType, body);
  }

  @Property(tries = 3000, seed = FuzzSeeds.SEED)
  void mutatedValidBodiesAreReadOrRefusedAsTheContractSays(@ForAll("mutated") byte[] body) {
    read(MediaType.APPLICATION_JSON, body);
  }

  @Property(tries = 2000, seed = FuzzSeeds.SEED)
  void objectsOfAnyShapeAreReadOrRefusedAsTheContractSays(@ForAll("objects") String body) {
    read(JsonBodies.MERGE_PATCH, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses as a route does, then lets the domain judge the input as each write would. */
  private static void read(String contentType, byte[] body) {
    TodoInput input;
    try {
      input =
          BODIES.todoInput(
              contentType == null ? null : MediaType.of(contentType),
              body,
              JsonBodies.JSON_OR_MERGE_PATCH);
    } catch (MalformedInputException | UnsupportedFormatException refused) {
      return;
    }
    for (Function<TodoInput, TodoEdit> mode :
        List.<Function<TodoInput, TodoEdit>>of(
            TodoEdit::forCreate, TodoEdit::forReplace, TodoEdit::forMergePatch)) {
      try {
        mode.apply(input);
      } catch (ValidationException invalid) {
        // 400 VALIDATION_ERROR
      }
    }
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of(
            MediaType.APPLICATION_JSON,
            JsonBodies.MERGE_PATCH,
            "application/json; charset=utf-8",
            "Application/JSON",
            "text/plain",
            "application/x-www-form-urlencoded")
        .injectNull(0.05);
  }

  @Provide
  Arbitrary<byte[]> mutated() {
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.bytes(),
                Arbitraries.of(FRAGMENTS))
            .as(Mutation::new);
    return Combinators.combine(Arbitraries.of(VALID), mutation.list().ofMinSize(1).ofMaxSize(6))
        .as(
            (valid, mutations) -> {
              var body = bytes(valid);
              for (var m : mutations) {
                body = m.apply(body);
              }
              return body;
            });
  }

  /** One change at a position: replace, insert or delete a byte, insert a fragment, truncate. */
  private record Mutation(int kind, int at, byte value, byte[] fragment) {

    byte[] apply(byte[] body) {
      int i = body.length == 0 ? 0 : at % (body.length + 1);
      var out = new ByteArrayOutputStream();
      out.write(body, 0, i);
      switch (kind) {
        case 0 -> {
          out.write(value);
          out.write(body, Math.min(i + 1, body.length), body.length - Math.min(i + 1, body.length));
        }
        case 1 -> {
          out.write(value);
          out.write(body, i, body.length - i);
        }
        case 2 ->
            out.write(
                body, Math.min(i + 1, body.length), body.length - Math.min(i + 1, body.length));
        case 3 -> {
          out.writeBytes(fragment);
          out.write(body, i, body.length - i);
        }
        default -> {
          // truncated at i
        }
      }
      return out.toByteArray();
    }
  }

  @Provide
  Arbitrary<String> objects() {
    var names =
        Arbitraries.of(
            "title", "notes", "completed", "due_date", "priority", "position", "id", "x", "");
    return Arbitraries.maps(names, value(1)).ofMaxSize(8).map(JsonBodiesFuzzTest::object);
  }

  /** A JSON value as text, nesting at most {@code depth} more levels. */
  private static Arbitrary<String> value(int depth) {
    var scalars =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40).map(JsonBodiesFuzzTest::quote),
            Arbitraries.strings()
                .withChars(" \t\n\r\u0000\u0085\u00a0\u2028abc")
                .map(JsonBodiesFuzzTest::quote),
            Arbitraries.of(
                    "\"high\"",
                    "\"none\"",
                    "\"HIGH\"",
                    "\"2026-02-28\"",
                    "\"2026-02-30\"",
                    "\"0000-01-01\"",
                    "\"+10000-01-01\"",
                    "\"2026-1-1\"",
                    "\"\"",
                    "\"   \"")
                .map(Function.identity()),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                .map(String::valueOf),
            Arbitraries.doubles()
                .map(String::valueOf)
                .filter(d -> !d.contains("N") && !d.contains("I")),
            Arbitraries.of("true", "false", "null", "1e400", "-0", "9007199254740992", "2.0"));
    if (depth == 0) {
      return scalars;
    }
    var element = value(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(6, scalars),
        Tuple.of(1, element.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]")),
        Tuple.of(
            1,
            Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(3), element)
                .ofMaxSize(3)
                .map(JsonBodiesFuzzTest::object)));
  }

  private static String object(Map<String, String> members) {
    var object = new StringBuilder("{");
    members.forEach(
        (name, value) ->
            object
                .append(object.length() > 1 ? "," : "")
                .append(quote(name))
                .append(':')
                .append(value));
    return object.append('}').toString();
  }

  /** A JSON string literal of {@code text}, every char below U+0020 and every surrogate escaped. */
  private static String quote(String text) {
    var out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
