package dev.todo.domain.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TodoListTest {

  private static final Instant T0 = Instant.parse("2026-01-15T10:30:00.123456Z");

  private final TodoList groceries =
      TodoList.create(ListId.random(), "alice", ListName.of("Groceries"), false, T0);

  @Test
  void aNewListIsEmptyWithItsOwnerAsOnlyMemberAtVersionOne() {
    assertThat(groceries.todoCount()).isZero();
    assertThat(groceries.activeCount()).isZero();
    assertThat(groceries.memberCount()).isEqualTo(1);
    assertThat(groceries.version()).isEqualTo(1);
    assertThat(groceries.createdAt()).isEqualTo(Instant.parse("2026-01-15T10:30:00.123Z"));
  }

  @Test
  void renamingMovesTheVersionAndTheUpdateTime() {
    var renamed = groceries.renamed(ListName.of("Food"), T0.plusSeconds(60));

    assertThat(renamed.name().value()).isEqualTo("Food");
    assertThat(renamed.version()).isEqualTo(2);
    assertThat(renamed.updatedAt())
        .isEqualTo(T0.plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(renamed.createdAt()).isEqualTo(groceries.createdAt());
  }

  @Test
  void renamingToTheSameNameChangesNothing() {
    assertThat(groceries.renamed(ListName.of(" Groceries "), T0.plusSeconds(60)))
        .isSameAs(groceries);
  }

  @Test
  void countersMustBeConsistent() {
    assertThatThrownBy(
            () ->
                new TodoList(ListId.random(), "alice", ListName.DEFAULT, true, 1, 2, 1, T0, T0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new TodoList(ListId.random(), "alice", ListName.DEFAULT, true, 0, 0, 0, T0, T0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
