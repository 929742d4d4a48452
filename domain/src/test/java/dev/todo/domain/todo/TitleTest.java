package dev.todo.domain.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TitleTest {

  @Test
  void isTrimmedFirst() {
    assertThat(Title.of("  Buy milk \u2003").value()).isEqualTo("Buy milk");
  }

  @Test
  void countsCodePointsNotCharsSo500AccentedLettersOrEmojiFit() {
    assertThat(Title.of("é".repeat(500)).value()).hasSize(500);
    assertThat(Title.of("😀".repeat(500)).value()).hasSize(1000);
  }

  @Test
  void refuses501CodePoints() {
    assertThatThrownBy(() -> Title.of("a".repeat(501)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.details()).containsKey("title"));
  }

  @Test
  void lengthIsCheckedAfterTrimming() {
    assertThat(Title.of("  " + "a".repeat(500) + "  ").value()).hasSize(500);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t\n"})
  void refusesBlank(String blank) {
    assertThatThrownBy(() -> Title.of(blank))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.details().get("title")).containsExactly("must not be blank"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\tb", "a\nb", "a\u0000b", "a\u007fb", "a\u0085b"})
  void refusesControlCharactersInside(String text) {
    assertThatThrownBy(() -> Title.of(text))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.details().get("title"))
                    .containsExactly("must not contain control characters"));
  }

  @Test
  void cannotBeBuiltUntrimmed() {
    assertThatThrownBy(() -> new Title(" x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sortsCaseInsensitively() {
    assertThat(Title.of("Éclair").sortKey()).isEqualTo("éclair");
  }
}
