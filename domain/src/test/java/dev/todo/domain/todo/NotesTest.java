package dev.todo.domain.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ValidationException;
import org.junit.jupiter.api.Test;

class NotesTest {

  @Test
  void keepsLineBreaksAndTabsInside() {
    assertThat(Notes.of(" line 1\r\n\tline 2 ").orElseThrow().value())
        .isEqualTo("line 1\r\n\tline 2");
  }

  @Test
  void blankNotesAreNoNotes() {
    assertThat(Notes.of("  \n ")).isEmpty();
    assertThat(Notes.of(null)).isEmpty();
  }

  @Test
  void allowTenThousandCodePointsAndNoMore() {
    assertThat(Notes.of("é".repeat(10_000))).isPresent();
    assertThatThrownBy(() -> Notes.of("é".repeat(10_001)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.details()).containsKey("notes"));
  }

  @Test
  void refuseOtherControlCharacters() {
    assertThatThrownBy(() -> Notes.of("bell\u0007"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.details()).containsKey("notes"));
  }
}
