package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static dev.todo.domain.testing.TodoBuilder.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.BulkEditTodosUseCase.DeleteTodosCommand;
import dev.todo.domain.port.in.BulkEditTodosUseCase.SetCompletedCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.InMemoryTodoRepository;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.testing.TestLists;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoFilter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BulkTodoServiceTest {

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final InMemoryTodoRepository todos = database.todos;
  private final BulkTodoService service =
      new BulkTodoService(
          todos,
          database.lists,
          database.transactions,
          new MutableClock(T0),
          TestActivity.of(database, new MutableClock(T0)));
  private final Caller alice = Caller.of("alice");

  {
    TestLists.registerWithLists(database.users, database.lists, "alice", "bob");
  }

  @Test
  void completesEveryActiveTodoAndCountsOnlyChanges() {
    todos.insert(aTodo().build());
    todos.insert(aTodo().completed().build());
    todos.insert(aTodo().ownedBy("bob").build());

    long updated =
        service.setCompleted(
            new SetCompletedCommand(
                alice, Optional.empty(), StatusFilter.ALL, InputSource.of(true)));

    assertThat(updated).isEqualTo(1);
    assertThat(
            todos
                .stats(List.of(listOf("alice")), T0.atZone(java.time.ZoneOffset.UTC).toLocalDate())
                .active())
        .isZero();
    assertThat(
            todos
                .stats(List.of(listOf("bob")), T0.atZone(java.time.ZoneOffset.UTC).toLocalDate())
                .active())
        .isEqualTo(1);
  }

  @Test
  void aMissingCompletedValueIsAValidationError() {
    assertThatThrownBy(
            () ->
                service.setCompleted(
                    new SetCompletedCommand(
                        alice, Optional.empty(), StatusFilter.ALL, InputSource.of(null))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void clearsCompletedOrEverything() {
    todos.insert(aTodo().build());
    todos.insert(aTodo().completed().build());

    assertThat(
            service.deleteAll(
                new DeleteTodosCommand(alice, Optional.empty(), StatusFilter.COMPLETED)))
        .isEqualTo(1);
    assertThat(service.deleteAll(new DeleteTodosCommand(alice, Optional.empty(), StatusFilter.ALL)))
        .isEqualTo(1);
    assertThat(todos.count(TodoFilter.allOf(listOf("alice")))).isZero();
  }

  @Test
  void neverDeletesOnlyTheActiveByAccident() {
    assertThatThrownBy(() -> new DeleteTodosCommand(alice, Optional.empty(), StatusFilter.ACTIVE))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void readOnlyCallersChangeNothingInBulk() {
    var readonly = Caller.of("alice", Caller.READONLY);
    todos.insert(aTodo().build());

    assertThatThrownBy(
            () ->
                service.setCompleted(
                    new SetCompletedCommand(
                        readonly,
                        Optional.empty(),
                        StatusFilter.ALL,
                        () -> {
                          throw new AssertionError("input read before the role check");
                        })))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(
            () ->
                service.deleteAll(
                    new DeleteTodosCommand(readonly, Optional.empty(), StatusFilter.ALL)))
        .isInstanceOf(ForbiddenException.class);
    assertThat(todos.count(TodoFilter.allOf(listOf("alice")))).isEqualTo(1);
  }
}
