package dev.todo.domain.todo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.list.ListId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TodoFilterTest {

  private static final ListId ALICES = ListId.random();

  private static TodoFilter searching(String text) {
    return TodoFilter.searching(ALICES, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "a\u0000b", "milk\u0001", "\u001b[0m", "\u007f", "\u0085"})
  void textWithAControlCharacterNoNotesMayHoldMatchesNothing(String text) {
    assertThat(searching(text).matchesNothing()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"milk", "a\nb", "\r\n", "\t", "\u200b", "\ud83d\ude00", "%_\""})
  void textThatNotesMayHoldIsSearched(String text) {
    assertThat(searching(text).matchesNothing()).isFalse();
  }

  @Test
  void noTextMatchesEverything() {
    assertThat(TodoFilter.allOf(ALICES).matchesNothing()).isFalse();
    assertThat(searching("").matchesNothing()).isFalse();
  }
}
