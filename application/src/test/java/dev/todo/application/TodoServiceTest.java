package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.error.PreconditionFailedException;
import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.DeleteTodoUseCase.DeleteTodoCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.UpdateTodoUseCase.UpdateTodoCommand;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.InMemoryTodoRepository;
import dev.todo.domain.testing.InMemoryTransactions;
import dev.todo.domain.testing.InMemoryUserRepository;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.todo.CreateRequestKey;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import dev.todo.domain.todo.VersionPrecondition;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TodoServiceTest {

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final InMemoryTodoRepository todos = database.todos;
  private final InMemoryUserRepository users = database.users;
  private final InMemoryTransactions transactions = database.transactions;
  private final MutableClock clock = new MutableClock(T0);
  private final TodoService service =
      new TodoService(
          todos,
          database.trash,
          database.lists,
          new DefaultLists(database.lists, users, clock),
          transactions,
          clock,
          TestActivity.of(database, clock));

  private final Caller alice = Caller.of("alice");
  private final Caller bob = Caller.of("bob");

  /** Input that fails the test if the service reads it when it should not have. */
  private static final InputSource<TodoInput> MUST_NOT_BE_READ =
      () -> {
        throw new AssertionError("the input was read before the checks that precede it");
      };

  private static InputSource<TodoInput> titled(String title) {
    return InputSource.of(TodoInput.empty().withTitle(Field.of(title)));
  }

  private Todo create(Caller caller, String title) {
    return service.create(new CreateTodoCommand(caller, titled(title)));
  }

  private UpdateTodoCommand patch(
      Caller caller, TodoId id, VersionPrecondition precondition, InputSource<TodoInput> input) {
    return new UpdateTodoCommand(caller, id, precondition, input);
  }

  @Test
  void createsLastInTheListAndRegistersTheUser() {
    var first = create(alice, "first");
    var second = create(alice, "second");

    assertThat(first.position()).isEqualTo(1);
    assertThat(second.position()).isEqualTo(2);
    assertThat(second.createdBy()).contains("alice");
    assertThat(second.listId()).isEqualTo(database.lists.findDefault("alice").orElseThrow().id());
    assertThat(second.version()).isEqualTo(1);
    assertThat(users.findById("alice")).isPresent();
    assertThat(transactions.writes()).isEqualTo(2);
  }

  private Todo createUnder(Caller caller, String key, String title) {
    return service.create(
        new CreateTodoCommand(caller, titled(title), Optional.of(new CreateRequestKey(key))));
  }

  @Test
  void aCreateSentAgainUnderItsKeyAnswersWithTheFirstToDoAsItIsNow() {
    var first = createUnder(alice, "k-1", "milk");
    service.mergePatch(patch(alice, first.id(), VersionPrecondition.none(), titled("oat milk")));

    var again = createUnder(alice, "k-1", "milk");

    assertThat(again.id())
        .isEqualTo(first.id())
        .isEqualTo(TodoId.createdUnder("alice", new CreateRequestKey("k-1")));
    assertThat(again.title().value()).isEqualTo("oat milk");
    assertThat(again.version()).isEqualTo(2);
    assertThat(database.lists.findDefault("alice").orElseThrow().todoCount()).isEqualTo(1);
    assertThat(database.audit.all())
        .filteredOn(event -> event.action() == AuditAction.TODO_CREATED)
        .hasSize(1);
  }

  @Test
  void keysAreTheCallersOwnAndEachKeyIsOneCreate() {
    var alices = createUnder(alice, "k-1", "milk");
    var bobs = createUnder(bob, "k-1", "milk");
    var another = createUnder(alice, "k-2", "milk");

    assertThat(Set.of(alices.id(), bobs.id(), another.id())).hasSize(3);
    assertThat(bobs.createdBy()).contains("bob");
  }

  @Test
  void aCreateSentAgainAfterItsToDoWentToTheTrashFindsNothingAndCreatesNothing() {
    var first = createUnder(alice, "k-1", "milk");
    service.delete(new DeleteTodoCommand(alice, first.id(), VersionPrecondition.none()));

    assertThatThrownBy(() -> createUnder(alice, "k-1", "milk"))
        .isInstanceOf(TodoNotFoundException.class);
    assertThat(todos.findById(first.id())).isEmpty();
  }

  @Test
  void aReadOnlyCallerCannotCreateAndItsInputIsNotEvenRead() {
    var readonly = Caller.of("r", Caller.READONLY);

    assertThatThrownBy(() -> service.create(new CreateTodoCommand(readonly, MUST_NOT_BE_READ)))
        .isInstanceOf(ForbiddenException.class);
    assertThat(users.findById("r")).isEmpty();
  }

  @Test
  void invalidInputCreatesNothing() {
    assertThatThrownBy(() -> create(alice, "  ")).isInstanceOf(ValidationException.class);
    assertThat(users.findById("alice")).isEmpty();
    assertThat(database.lists.findDefault("alice")).isEmpty();
  }

  @Test
  void anotherUsersTodoIsNotFoundBeforeAnythingElseIsChecked() {
    var todo = create(alice, "mine");

    assertThatThrownBy(
            () ->
                service.mergePatch(
                    patch(
                        bob, todo.id(), VersionPrecondition.oneOf(Set.of(99L)), MUST_NOT_BE_READ)))
        .isInstanceOf(TodoNotFoundException.class);
    assertThatThrownBy(
            () -> service.delete(new DeleteTodoCommand(bob, todo.id(), VersionPrecondition.none())))
        .isInstanceOf(TodoNotFoundException.class);
    assertThat(todos.findById(todo.id())).contains(todo);
  }

  @Test
  void roleIsCheckedBeforeThePrecondition() {
    var todo = create(alice, "mine");
    var readonlyAlice = Caller.of("alice", Caller.READONLY);

    assertThatThrownBy(
            () ->
                service.replace(
                    patch(
                        readonlyAlice,
                        todo.id(),
                        VersionPrecondition.oneOf(Set.of(99L)),
                        MUST_NOT_BE_READ)))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void thePreconditionIsCheckedBeforeTheInputIsRead() {
    var todo = create(alice, "mine");

    assertThatThrownBy(
            () ->
                service.replace(
                    patch(
                        alice, todo.id(), VersionPrecondition.oneOf(Set.of(2L)), MUST_NOT_BE_READ)))
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void unreadableInputChangesNothing() {
    var todo = create(alice, "mine");
    InputSource<TodoInput> unreadable =
        () -> {
          throw new MalformedInputException("not JSON");
        };

    assertThatThrownBy(
            () ->
                service.mergePatch(patch(alice, todo.id(), VersionPrecondition.none(), unreadable)))
        .isInstanceOf(MalformedInputException.class);
    assertThat(todos.findById(todo.id())).contains(todo);
  }

  @Test
  void patchChangesOnlyWhatItNamesAndBumpsTheVersion() {
    var todo = create(alice, "mine");
    clock.advance(Duration.ofMinutes(1));

    var changed =
        service.mergePatch(
            patch(
                alice,
                todo.id(),
                VersionPrecondition.oneOf(Set.of(1L)),
                InputSource.of(TodoInput.empty().withPriority(Field.of("high")))));

    assertThat(changed.priority()).isEqualTo(Priority.HIGH);
    assertThat(changed.title()).isEqualTo(todo.title());
    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    assertThat(todos.findById(todo.id())).contains(changed);
  }

  @Test
  void aReplaceThatChangesNothingKeepsVersionAndUpdateTime() {
    var todo = create(alice, "mine");
    clock.advance(Duration.ofMinutes(1));

    var same = service.replace(patch(alice, todo.id(), VersionPrecondition.none(), titled("mine")));

    assertThat(same).isEqualTo(todo);
  }

  @Test
  void anAdminChangesAndDeletesAnyonesTodo() {
    var todo = create(alice, "mine");
    var admin = Caller.of("root", Caller.ADMIN);

    var changed =
        service.replace(patch(admin, todo.id(), VersionPrecondition.anyExisting(), titled("x")));
    service.delete(new DeleteTodoCommand(admin, todo.id(), VersionPrecondition.oneOf(Set.of(2L))));

    assertThat(changed.listId()).isEqualTo(todo.listId());
    assertThat(todos.findById(todo.id())).isEmpty();
  }

  @Test
  void deleteHonoursThePrecondition() {
    var todo = create(alice, "mine");

    assertThatThrownBy(
            () ->
                service.delete(
                    new DeleteTodoCommand(alice, todo.id(), VersionPrecondition.oneOf(Set.of(5L)))))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(todos.findById(todo.id())).isPresent();
  }

  @Test
  void anUnknownIdIsNotFound() {
    assertThatThrownBy(
            () ->
                service.delete(
                    new DeleteTodoCommand(alice, TodoId.random(), VersionPrecondition.none())))
        .isInstanceOf(TodoNotFoundException.class);
  }
}
