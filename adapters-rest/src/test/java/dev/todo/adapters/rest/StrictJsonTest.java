package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.todo.Field;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

  private static io.micronaut.json.tree.JsonNode parse(String text) {
    return StrictJson.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aNumberBeyondWhatCanBeReadIsMalformedNotAnError() {
    // found by JsonBodiesFuzzTest: BigDecimal refuses an exponent this long
    for (String body :
        new String[] {
          "{\"x\":1E345678901234567890123}", "{\"title\":\"a\",\"n\":-2e-99999999999999999999}"
        }) {
      assertThatThrownBy(() -> StrictJson.parse(body.getBytes(StandardCharsets.UTF_8)))
          .as(body)
          .isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void keepsIntegersApartFromDecimals() {
    var node =
        parse("{\"a\":2,\"b\":2.0,\"c\":2e0,\"d\":12345678901,\"e\":123456789012345678901234}");

    assertThat(JsonBodies.integer(node, "a")).isEqualTo(Field.of(2L));
    assertThat(JsonBodies.integer(node, "d")).isEqualTo(Field.of(12345678901L));
    assertThat(node.get("e").getNumberValue()).isInstanceOf(BigInteger.class);
    assertThat(JsonBodies.integer(node, "e")).isEqualTo(Field.of(Long.MAX_VALUE));
    assertThatThrownBy(() -> JsonBodies.integer(node, "b"))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> JsonBodies.integer(node, "c"))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void tellsAbsentFromNull() {
    var node = parse("{\"notes\":null,\"title\":\"t\"}");

    assertThat(JsonBodies.string(node, "notes")).isEqualTo(Field.nullValue());
    assertThat(JsonBodies.string(node, "due_date")).isEqualTo(Field.absent());
    assertThat(JsonBodies.string(node, "title")).isEqualTo(Field.of("t"));
  }

  @Test
  void refusesWhatIsNotExactlyOneJsonValue() {
    for (var text :
        new String[] {
          "",
          "   ",
          "{} {}",
          "{\"a\":1,\"a\":2}",
          "{'a':1}",
          "{a:1}",
          "[1,]",
          "{\"a\":01}",
          "{\"a\":NaN}",
          "[".repeat(2000) + "]".repeat(2000),
          "\uFEFF{}x"
        }) {
      assertThatThrownBy(() -> parse(text)).as(text).isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void readsNestedValuesAndUnicode() {
    var node = parse(" {\"t\":\"\\u00e9\\ud83d\\ude00\",\"x\":[true,false,null,{\"y\":[]}]} \n");

    assertThat(node.get("t").getStringValue()).isEqualTo("é😀");
    assertThat(node.get("x").size()).isEqualTo(4);
    assertThat(node.get("x").get(3).get("y").isArray()).isTrue();
  }

  @Test
  void refusesBytesThatAreNotStrictUtf8() {
    var bodies =
        new byte[][] {
          string("a", 0xC0, 0xAF, "b"), // overlong "/"
          string("a", 0xE0, 0x80, 0xAF, "b"), // overlong "/", three bytes
          string("a", 0xED, 0xA0, 0x80, "b"), // U+D800 encoded as if it were a character
          string("a", 0xF4, 0x90, 0x80, 0x80, "b"), // beyond U+10FFFF
          string("a", 0xC3, "b"), // truncated
          string("a", 0x80, "b"), // a continuation byte alone
          string("a", 0xFF, "b"),
          "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_16LE),
          "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_16) // with its BOM
        };
    for (var body : bodies) {
      assertThatThrownBy(() -> StrictJson.parse(body))
          .as(new String(body, StandardCharsets.ISO_8859_1))
          .isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void refusesLoneSurrogatesEscapedInStringsAndNames() {
    for (var text :
        new String[] {
          "{\"t\":\"a\\ud800b\"}",
          "{\"t\":\"a\\udc00\"}",
          "{\"t\":\"\\ude00\\ud83d\"}",
          "{\"t\":\"\\ud83d\\u0041\"}",
          "{\"t\":\"\\ud83d\"}",
          "{\"\\ud800\":1}",
          "{\"x\":[{\"y\":\"\\udfff\"}]}"
        }) {
      assertThatThrownBy(() -> parse(text)).as(text).isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void keepsWhatIsValidUtf8AndSkipsALeadingByteOrderMark() {
    var raw = string("", 0xF0, 0x9F, 0x98, 0x80, 0xC3, 0xA9, "/");

    assertThat(StrictJson.parse(raw).get("title").getStringValue()).isEqualTo("😀é/");
    assertThat(parse("\uFEFF{\"title\":\"x\"}").get("title").getStringValue()).isEqualTo("x");
  }

  /** {@code {"title":"<before><bytes><after>"}} with the bytes exactly as given. */
  private static byte[] string(String before, Object... rest) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(("{\"title\":\"" + before).getBytes(StandardCharsets.UTF_8));
    for (var part : rest) {
      if (part instanceof Integer b) {
        out.write(b);
      } else {
        out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
      }
    }
    out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
