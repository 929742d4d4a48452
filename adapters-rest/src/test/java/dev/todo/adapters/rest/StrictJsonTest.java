package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.todo.Field;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

  private static io.micronaut.json.tree.JsonNode parse(String text) {
    return StrictJson.parse(text.getBytes(StandardCharsets.UTF_8));
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
}
