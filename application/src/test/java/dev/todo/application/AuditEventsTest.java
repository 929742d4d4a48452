package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.AuditEvent;
import dev.todo.domain.error.PreconditionFailedException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListInput;
import dev.todo.domain.port.in.BulkEditTodosUseCase.DeleteTodosCommand;
import dev.todo.domain.port.in.BulkEditTodosUseCase.SetCompletedCommand;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.DeleteTodoUseCase.DeleteTodoCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.UpdateTodoUseCase.UpdateTodoCommand;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoInput;
import dev.todo.domain.todo.VersionPrecondition;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * One audit event per change, in the change's own transaction: a committed change always has its
 * event, a failed one leaves none. On {@link UseCases} over the fakes (whose transactions roll
 * back); the same on SQLite under concurrency is {@code AuditTrailSystemTest}'s.
 */
class AuditEventsTest {

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final MutableClock clock = new MutableClock(T0);
  private final Caller alice = Caller.of("alice");
  private final Caller bob = Caller.of("bob");

  private UseCases useCases(Transactions transactions) {
    return TestUseCases.over(database, clock, transactions, () -> Optional.of("req-1"));
  }

  private final UseCases useCases = useCases(database.transactions);

  private Todo create(Caller caller, String title) {
    return useCases
        .createTodo()
        .create(
            new CreateTodoCommand(
                caller, InputSource.of(TodoInput.empty().withTitle(Field.of(title)))));
  }

  private Todo patch(Caller caller, Todo todo, TodoInput input) {
    return useCases
        .updateTodo()
        .mergePatch(
            new UpdateTodoCommand(
                caller, todo.id(), VersionPrecondition.none(), InputSource.of(input)));
  }

  private List<AuditAction> actions() {
    return database.audit.all().stream().map(AuditEvent::action).toList();
  }

  private AuditEvent last() {
    return database.audit.all().getLast();
  }

  @Test
  void eachChangeOfATodoWritesOneEventWithItsChangedFields() {
    var todo = create(alice, "Milk");
    var renamed = patch(alice, todo, TodoInput.empty().withTitle(Field.of("Oat milk")));
    var done = patch(alice, renamed, TodoInput.empty().withCompleted(Field.of(true)));
    patch(alice, done, TodoInput.empty().withCompleted(Field.of(false)));
    patch(alice, done, TodoInput.empty().withNotes(Field.of("secret")));

    assertThat(actions())
        .containsExactly(
            AuditAction.TODO_CREATED,
            AuditAction.TODO_UPDATED,
            AuditAction.TODO_COMPLETED,
            AuditAction.TODO_REOPENED,
            AuditAction.TODO_UPDATED);
    var events = database.audit.all();
    assertThat(events.get(0).changes().fields())
        .containsEntry("title", Arrays.asList(null, "Milk"));
    assertThat(events.get(1).changes().fields())
        .containsOnlyKeys("title")
        .containsEntry("title", List.of("Milk", "Oat milk"));
    assertThat(events.get(2).changes().fields()).containsEntry("completed", List.of(false, true));
    assertThat(last().changes().fields()).containsEntry("notes", List.of("changed"));
    assertThat(last().toString()).doesNotContain("secret");
    assertThat(events).allSatisfy(e -> assertThat(e.actor()).contains("alice"));
    assertThat(events).allSatisfy(e -> assertThat(e.requestId()).contains("req-1"));
    assertThat(events).allSatisfy(e -> assertThat(e.listId()).contains(todo.listId()));
  }

  @Test
  void aChangeThatChangesNothingWritesNoEvent() {
    var todo = create(alice, "Milk");

    patch(alice, todo, TodoInput.empty().withTitle(Field.of("Milk")));

    assertThat(actions()).containsExactly(AuditAction.TODO_CREATED);
  }

  @Test
  void aMoveWritesOneMovedEventInTheTargetList() {
    var todo = create(alice, "Milk");
    var work =
        useCases
            .lists()
            .create(alice, InputSource.of(new ListInput(Field.of("Work"), Field.absent())));

    var moved =
        patch(alice, todo, TodoInput.empty().withListId(Field.of(work.list().id().toString())));

    assertThat(last().action()).isEqualTo(AuditAction.TODO_MOVED);
    assertThat(last().listId()).contains(work.list().id());
    assertThat(last().changes().fields())
        .containsEntry("list_id", List.of(todo.listId().toString(), moved.listId().toString()));
    assertThat(actions()).filteredOn(AuditAction.TODO_MOVED::equals).hasSize(1);
  }

  @Test
  void refusedRequestsWriteNoEvent() {
    var todo = create(alice, "Milk");

    assertThatThrownBy(() -> patch(bob, todo, TodoInput.empty().withTitle(Field.of("x"))))
        .isNotNull();
    assertThatThrownBy(() -> patch(alice, todo, TodoInput.empty().withTitle(Field.of(" "))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                useCases
                    .deleteTodo()
                    .delete(
                        new DeleteTodoCommand(
                            alice, todo.id(), VersionPrecondition.oneOf(java.util.Set.of(9L)))))
        .isInstanceOf(PreconditionFailedException.class);

    assertThat(actions()).containsExactly(AuditAction.TODO_CREATED);
  }

  @Test
  void aWriteThatFailsAfterItsWorkLeavesNeitherTheChangeNorItsEvent() {
    var todo = create(alice, "Milk");
    Transactions failingAtCommit =
        new Transactions() {
          @Override
          public <T> T write(Supplier<T> work) {
            return database.transactions.write(
                () -> {
                  work.get();
                  throw new IllegalStateException("the disk is gone");
                });
          }

          @Override
          public <T> T read(Supplier<T> work) {
            return database.transactions.read(work);
          }
        };
    var failing = useCases(failingAtCommit);

    assertThatThrownBy(
            () ->
                failing
                    .updateTodo()
                    .mergePatch(
                        new UpdateTodoCommand(
                            alice,
                            todo.id(),
                            VersionPrecondition.none(),
                            InputSource.of(TodoInput.empty().withCompleted(Field.of(true))))))
        .hasMessageContaining("the disk is gone");

    assertThat(actions()).containsExactly(AuditAction.TODO_CREATED);
    assertThat(database.todos.findById(todo.id())).contains(todo);
  }

  @Test
  void bulkChangesWriteOneEventPerTodoTheyChange() {
    create(alice, "a");
    create(alice, "b");
    var done = create(alice, "c");
    patch(alice, done, TodoInput.empty().withCompleted(Field.of(true)));
    int before = actions().size();

    useCases
        .bulkEditTodos()
        .setCompleted(
            new SetCompletedCommand(
                alice, Optional.empty(), StatusFilter.ALL, InputSource.of(true)));
    useCases
        .bulkEditTodos()
        .deleteAll(new DeleteTodosCommand(alice, Optional.empty(), StatusFilter.COMPLETED));

    assertThat(actions().subList(before, actions().size()))
        .containsExactly(
            AuditAction.TODO_COMPLETED,
            AuditAction.TODO_COMPLETED,
            AuditAction.TODO_DELETED,
            AuditAction.TODO_DELETED,
            AuditAction.TODO_DELETED);
  }

  @Test
  void trashRestoreAndPurgeEachWriteTheirEvents() {
    var todo = create(alice, "Milk");
    useCases
        .deleteTodo()
        .delete(new DeleteTodoCommand(alice, todo.id(), VersionPrecondition.none()));
    useCases.trash().restore(alice, todo.id().toString());
    useCases
        .deleteTodo()
        .delete(new DeleteTodoCommand(alice, todo.id(), VersionPrecondition.none()));
    clock.advance(Duration.ofDays(31));

    long purged = useCases.trash().purgeExpired();

    assertThat(purged).isEqualTo(1);
    assertThat(actions())
        .containsExactly(
            AuditAction.TODO_CREATED,
            AuditAction.TODO_DELETED,
            AuditAction.TODO_RESTORED,
            AuditAction.TODO_DELETED,
            AuditAction.TODO_PURGED,
            AuditAction.ADMIN_PURGE);
    assertThat(last().actor()).isEmpty();
  }

  @Test
  void thePurgeAlsoDeletesEventsOlderThanTheirRetention() {
    create(alice, "old");
    clock.advance(Duration.ofDays(366));
    create(alice, "recent");

    useCases.trash().purge(Caller.of("root", "admin"));

    assertThat(actions()).containsExactly(AuditAction.TODO_CREATED, AuditAction.ADMIN_PURGE);
    assertThat(last().actor()).contains("root");
  }
}
