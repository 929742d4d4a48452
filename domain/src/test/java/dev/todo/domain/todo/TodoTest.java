package dev.todo.domain.todo;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.list.ListId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TodoTest {

  private static final Instant LATER = T0.plusSeconds(3600);

  private static TodoEdit patch(TodoInput input) {
    return TodoEdit.forMergePatch(input);
  }

  @Test
  void startsAtVersionOneWithTheGivenPositionAndMillisecondTimes() {
    var todo =
        Todo.create(
            TodoId.random(),
            ListId.random(),
            "alice",
            TodoEdit.forCreate(TodoInput.empty().withTitle(Field.of("x"))),
            42,
            Instant.parse("2026-01-15T10:30:00.123456789Z"));

    assertThat(todo.version()).isEqualTo(1);
    assertThat(todo.position()).isEqualTo(42);
    assertThat(todo.createdAt()).isEqualTo(Instant.parse("2026-01-15T10:30:00.123Z"));
    assertThat(todo.updatedAt()).isEqualTo(todo.createdAt());
    assertThat(todo.completedAt()).isEmpty();
  }

  @Test
  void aPositionOutsideTheBoundIsNoTodo() {
    for (long position : new long[] {Long.MIN_VALUE, TodoEdit.MAX_POSITION + 1}) {
      assertThatThrownBy(() -> aTodo().position(position).build())
          .as("%d", position)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(aTodo().position(-TodoEdit.MAX_POSITION).build().position())
        .isEqualTo(-TodoEdit.MAX_POSITION);
  }

  @Test
  void createdCompletedIsCompletedAtCreation() {
    var todo = aTodo().completed().build();

    assertThat(todo.completedAt()).contains(T0);
  }

  @Test
  void aChangeBumpsTheVersionAndMovesUpdatedAt() {
    var todo = aTodo().build();

    var changed =
        todo.apply(patch(TodoInput.empty().withTitle(Field.of("Buy bread"))), LATER, "alice");

    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.updatedAt()).isEqualTo(LATER);
    assertThat(changed.createdAt()).isEqualTo(T0);
    assertThat(changed.title().value()).isEqualTo("Buy bread");
  }

  @Test
  void anEditThatChangesNothingReturnsTheSameTodo() {
    var todo = aTodo().titled("Same").build();

    var same =
        todo.apply(
            TodoEdit.forReplace(TodoInput.empty().withTitle(Field.of("  Same "))), LATER, "alice");

    assertThat(same).isSameAs(todo);
  }

  @Test
  void completedAtIsSetWhenCompletedKeptWhileCompletedAndClearedWhenReopened() {
    var todo = aTodo().build();
    var completed =
        todo.apply(patch(TodoInput.empty().withCompleted(Field.of(true))), LATER, "alice");
    var stillCompleted =
        completed.apply(
            patch(TodoInput.empty().withTitle(Field.of("renamed"))), LATER.plusSeconds(1), "alice");
    var reopened =
        stillCompleted.apply(
            patch(TodoInput.empty().withCompleted(Field.of(false))), LATER.plusSeconds(2), "alice");

    assertThat(completed.completedAt()).contains(LATER);
    assertThat(stillCompleted.completedAt()).contains(LATER);
    assertThat(reopened.completedAt()).isEmpty();
    assertThat(reopened.version()).isEqualTo(4);
  }

  @Test
  void completedByIsWhoCompletedItKeptWhileCompletedAndClearedWhenReopened() {
    var todo = aTodo().build();
    var completed =
        todo.apply(patch(TodoInput.empty().withCompleted(Field.of(true))), LATER, "bob");
    var renamed =
        completed.apply(patch(TodoInput.empty().withTitle(Field.of("x"))), LATER, "carol");
    var reopened = renamed.withCompleted(false, LATER, "carol");

    assertThat(todo.createdBy()).contains("alice");
    assertThat(todo.completedBy()).isEmpty();
    assertThat(completed.completedBy()).contains("bob");
    assertThat(renamed.completedBy()).contains("bob");
    assertThat(reopened.completedBy()).isEmpty();
    assertThat(reopened.withCompleted(true, LATER, "dave").completedBy()).contains("dave");
  }

  @Test
  void aMoveIsOneNewVersionInTheTargetListAtTheGivenOrLastPosition() {
    var todo = aTodo().position(3).build();
    var target = ListId.random();

    var moved =
        todo.apply(
            patch(TodoInput.empty().withTitle(Field.of("moved"))).movingTo(target, 8),
            LATER,
            "alice");
    var placed =
        todo.apply(
            patch(TodoInput.empty().withPosition(Field.of(2L))).movingTo(target, 8),
            LATER,
            "alice");

    assertThat(moved.listId()).isEqualTo(target);
    assertThat(moved.movedFrom(todo)).isTrue();
    assertThat(moved.version()).isEqualTo(2);
    assertThat(moved.position()).isEqualTo(8);
    assertThat(placed.position()).isEqualTo(2);
    assertThat(todo.apply(patch(TodoInput.empty()).movingTo(todo.listId(), 8), LATER, "alice"))
        .extracting(Todo::position, Todo::version)
        .containsExactly(8L, 2L);
  }

  @Test
  void withCompletedIsANoOpWhenAlreadySo() {
    var done = aTodo().completed().build();

    assertThat(done.withCompleted(true, LATER, "alice")).isSameAs(done);
    assertThat(done.withCompleted(false, LATER, "alice").version()).isEqualTo(2);
  }

  @Test
  void updatedAtNeverGoesBeforeCreatedAtWhenTheClockStepsBack() {
    var todo = aTodo().build();

    var changed =
        todo.apply(patch(TodoInput.empty().withTitle(Field.of("y"))), T0.minusSeconds(5), "alice");

    assertThat(changed.updatedAt()).isEqualTo(T0);
  }

  @Test
  void isOverdueOnlyWhenActiveAndDueBeforeToday() {
    var today = LocalDate.parse("2026-01-15");

    assertThat(aTodo().due("2026-01-14").build().isOverdueOn(today)).isTrue();
    assertThat(aTodo().due("2026-01-15").build().isOverdueOn(today)).isFalse();
    assertThat(aTodo().due("2026-01-14").completed().build().isOverdueOn(today)).isFalse();
    assertThat(aTodo().build().isOverdueOn(today)).isFalse();
  }

  @Test
  void cannotBeBuiltInconsistent() {
    assertThatThrownBy(() -> withState("alice", true, T0, 1))
        .as("completed without completedAt")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> withState("alice", false, T0, 0))
        .as("version 0")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> withState("alice", false, T0.minusSeconds(1), 1))
        .as("updated before created")
        .isInstanceOf(IllegalArgumentException.class);
    var todo = aTodo().build();
    assertThatThrownBy(() -> todo.toBuilder().steps(2, 3).build())
        .as("more steps completed than there are")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> todo.toBuilder().steps(-1, 0).build())
        .as("a negative step count")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChangeKeepsTheStepCounters() {
    var todo = aTodo().build().toBuilder().steps(3, 1).build();

    var changed = todo.apply(patch(TodoInput.empty().withTitle(Field.of("y"))), LATER, "alice");

    assertThat(changed.stepCount()).isEqualTo(3);
    assertThat(changed.stepsCompleted()).isEqualTo(1);
  }

  /** A to-do created at T0 and never completed, with the given state fields. */
  private static Todo withState(String owner, boolean completed, Instant updatedAt, long version) {
    var todo = aTodo().build();
    return new Todo(
        todo.id(),
        todo.listId(),
        Optional.of(owner),
        todo.title(),
        todo.notes(),
        completed,
        Optional.empty(),
        Optional.empty(),
        todo.dueDate(),
        todo.priority(),
        1,
        0,
        0,
        0,
        T0,
        updatedAt,
        version);
  }
}
