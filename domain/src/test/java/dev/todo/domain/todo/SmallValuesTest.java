package dev.todo.domain.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.error.PreconditionFailedException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmallValuesTest {

  @Test
  void todoIdsParseOnlyCanonicalUuids() {
    assertThat(TodoId.parse("0b9c8f3e-5d7a-4c1e-9a53-3f0f1d2c4b5a")).isPresent();
    assertThat(TodoId.parse("0B9C8F3E-5D7A-4C1E-9A53-3F0F1D2C4B5A")).isPresent();
    assertThat(TodoId.parse("1-1-1-1-1")).isEmpty();
    assertThat(TodoId.parse("not-a-uuid")).isEmpty();
    assertThat(TodoId.parse(null)).isEmpty();
  }

  @Test
  void preconditionsMatchAnyOfTheirVersions() {
    assertThatCode(() -> VersionPrecondition.none().check(7)).doesNotThrowAnyException();
    assertThatCode(() -> VersionPrecondition.anyExisting().check(7)).doesNotThrowAnyException();
    assertThatCode(() -> VersionPrecondition.oneOf(Set.of(3L, 7L)).check(7))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> VersionPrecondition.oneOf(Set.of(3L)).check(7))
        .isInstanceOfSatisfying(
            PreconditionFailedException.class, e -> assertThat(e.currentVersion()).isEqualTo(7));
  }

  @Test
  void pagesAreOneBasedAndAtMostAHundred() {
    assertThat(new PageRequest(3, 20).offset()).isEqualTo(40);
    assertThatThrownBy(() -> new PageRequest(0, 20)).isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> new PageRequest(1, 0)).isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> new PageRequest(1, 101)).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void pagesCountUpwards() {
    var request = new PageRequest(1, 20);

    assertThat(new TodoPage(java.util.List.of(), request, 0).totalPages()).isZero();
    assertThat(new TodoPage(java.util.List.of(), request, 20).totalPages()).isEqualTo(1);
    assertThat(new TodoPage(java.util.List.of(), request, 21).totalPages()).isEqualTo(2);
  }

  @Test
  void statsDeriveActiveAndTheRate() {
    var stats = new TodoStats(4, 1, 0, 0);

    assertThat(stats.active()).isEqualTo(3);
    assertThat(stats.completionRate()).isEqualTo(0.25);
    assertThat(new TodoStats(0, 0, 0, 0).completionRate()).isZero();
    assertThatThrownBy(() -> new TodoStats(1, 2, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void prioritiesHaveWireNamesAndRanks() {
    assertThat(Priority.fromWireName("medium")).contains(Priority.MEDIUM);
    assertThat(Priority.fromWireName("MEDIUM")).isEmpty();
    assertThat(Priority.HIGH.rank()).isGreaterThan(Priority.LOW.rank());
  }
}
