package dev.todo.domain.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ValidationException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateRequestKeyTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "0b8f2c1e-6a4d-4b7e-9c1a-2f3d4e5f6a7b", "tab:1.create_2-x"})
  void acceptsOneTo128CharactersOfTheTokenAlphabet(String key) {
    assertThat(new CreateRequestKey(key).value()).isEqualTo(key);
    assertThat(new CreateRequestKey("k".repeat(128)).value()).hasSize(128);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a b", "é", "a/b", "a\u0000b", "\"k\""})
  void refusesAnythingElseNamingTheHeader(String key) {
    assertThatThrownBy(() -> new CreateRequestKey(key))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.details()).containsOnlyKeys(CreateRequestKey.FIELD));
    assertThatThrownBy(() -> new CreateRequestKey("k".repeat(129)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void noHeaderIsNoKey() {
    assertThat(CreateRequestKey.parse(Optional.empty())).isEmpty();
    assertThat(CreateRequestKey.parse(Optional.of("k"))).contains(new CreateRequestKey("k"));
  }

  @Test
  void theSameCallerAndKeyAlwaysNameTheSameToDoAndNothingElseDoes() {
    var key = new CreateRequestKey("k-1");
    UUID id = TodoId.createdUnder("alice", key).value();

    assertThat(TodoId.createdUnder("alice", new CreateRequestKey("k-1")).value()).isEqualTo(id);
    assertThat(TodoId.createdUnder("bob", key).value()).isNotEqualTo(id);
    assertThat(TodoId.createdUnder("alice", new CreateRequestKey("k-2")).value()).isNotEqualTo(id);
    // "alice" + "\0" + "k" must not meet "alic" + "\0" + "ek" or the like
    assertThat(TodoId.createdUnder("alic", new CreateRequestKey("ek")).value())
        .isNotEqualTo(TodoId.createdUnder("alice", new CreateRequestKey("k")).value());
    assertThat(id.version()).isEqualTo(8);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(TodoId.parse(id.toString())).contains(new TodoId(id));
  }
}
