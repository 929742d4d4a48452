package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.StepNotFoundException;
import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListInput;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.DeleteTodoUseCase.DeleteTodoCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.SharingUseCase.MemberInput;
import dev.todo.domain.port.in.StepsUseCase;
import dev.todo.domain.port.in.StepsUseCase.AddStepCommand;
import dev.todo.domain.port.in.StepsUseCase.PatchStepCommand;
import dev.todo.domain.port.in.UpdateTodoUseCase.UpdateTodoCommand;
import dev.todo.domain.step.Step;
import dev.todo.domain.step.StepId;
import dev.todo.domain.step.StepInput;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoInput;
import dev.todo.domain.todo.VersionPrecondition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The steps of a to-do through the composed use cases over the in-memory fakes. */
class StepServiceTest {

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final MutableClock clock = new MutableClock(T0);
  private final UseCases useCases = TestUseCases.over(database, clock);
  private final StepsUseCase steps = useCases.steps();

  private final Caller alice = Caller.of("alice");
  private final Caller bob = Caller.of("bob");
  private final Caller viewer = Caller.of("vera");
  private final Caller readonlyEditor = Caller.of("ro", "readonly");

  private static final InputSource<StepInput> MUST_NOT_BE_READ =
      () -> {
        throw new AssertionError("the body was read before the checks that precede it");
      };

  private String list;
  private Todo todo;

  @BeforeEach
  void aSharedTodo() {
    for (String user : List.of("alice", "bob", "vera", "ro")) {
      database.transactions.write(
          () -> {
            database.users.register(Caller.of(user), T0);
            return null;
          });
    }
    list = newList("Groceries");
    share(list, "vera", "viewer");
    share(list, "ro", "editor");
    todo = todoIn(list, "Shopping");
  }

  private String newList(String name) {
    return useCases
        .lists()
        .create(alice, InputSource.of(new ListInput(Field.of(name), Field.absent())))
        .list()
        .id()
        .toString();
  }

  private void share(String listId, String user, String role) {
    useCases
        .sharing()
        .putMember(
            alice, listId, user, InputSource.of(new MemberInput(Field.absent(), Field.of(role))));
  }

  private Todo todoIn(String listId, String title) {
    return useCases
        .createTodo()
        .create(
            new CreateTodoCommand(
                alice,
                InputSource.of(
                    TodoInput.empty().withTitle(Field.of(title)).withListId(Field.of(listId)))));
  }

  private Step add(String title) {
    return steps.add(new AddStepCommand(alice, todo.id(), InputSource.of(StepInput.titled(title))));
  }

  private Step patch(Caller caller, Step step, StepInput input) {
    return steps.patch(
        new PatchStepCommand(caller, todo.id(), step.id().toString(), InputSource.of(input)));
  }

  private static StepInput completed(boolean value) {
    return new StepInput(Field.absent(), Field.of(value), Field.absent());
  }

  private static StepInput placed(long position) {
    return new StepInput(Field.absent(), Field.absent(), Field.of(position));
  }

  private Todo stored() {
    return database.todos.findById(todo.id()).orElseThrow();
  }

  @Test
  void addsEachStepLastAndCountsItWithoutChangingTheTodosVersion() {
    var eggs = add("Eggs");
    var milk = add(" Milk ");

    assertThat(eggs.position()).isEqualTo(1);
    assertThat(milk.position()).isEqualTo(2);
    assertThat(milk.title().value()).isEqualTo("Milk");
    assertThat(milk.completed()).isFalse();
    assertThat(steps.list(alice, todo.id())).containsExactly(eggs, milk);
    assertThat(stored().stepCount()).isEqualTo(2);
    assertThat(stored().stepsCompleted()).isZero();
    assertThat(stored().version()).isEqualTo(todo.version());
    assertThat(stored().updatedAt()).isEqualTo(todo.updatedAt());
  }

  @Test
  void aPatchOfThePositionReordersAndTiesGoByCreationTime() {
    var eggs = add("Eggs");
    clock.advance(Duration.ofSeconds(1));
    var milk = add("Milk");
    clock.advance(Duration.ofSeconds(1));
    var bread = add("Bread");

    var first = patch(alice, bread, placed(1));

    assertThat(first.position()).isEqualTo(1);
    assertThat(steps.list(alice, todo.id())).containsExactly(eggs, first, milk);
  }

  @Test
  void completingReopeningAndDeletingKeepTheCountersExact() {
    var eggs = add("Eggs");
    add("Milk");
    clock.advance(Duration.ofMinutes(1));

    var done = patch(alice, eggs, completed(true));
    assertThat(done.completed()).isTrue();
    assertThat(done.updatedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(stored().stepsCompleted()).isEqualTo(1);

    patch(alice, done, completed(false));
    assertThat(stored().stepsCompleted()).isZero();
    assertThat(stored().stepCount()).isEqualTo(2);

    steps.delete(alice, todo.id(), patch(alice, eggs, completed(true)).id().toString());
    assertThat(steps.list(alice, todo.id()))
        .extracting(Step::title)
        .extracting(t -> t.value())
        .containsExactly("Milk");
    assertThat(stored().stepCount()).isEqualTo(1);
    assertThat(stored().stepsCompleted()).isZero();
  }

  @Test
  void aPatchThatChangesNothingWritesNothing() {
    var eggs = add("Eggs");
    clock.advance(Duration.ofMinutes(1));

    assertThat(patch(alice, eggs, StepInput.titled("Eggs"))).isEqualTo(eggs);
    assertThat(steps.list(alice, todo.id())).containsExactly(eggs);
  }

  @Test
  void theHundredAndFirstStepIsRefusedAndNothingIsStored() {
    for (int i = 1; i <= Step.MAX_PER_TODO; i++) {
      add("step " + i);
    }

    assertThatThrownBy(() -> add("one more"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.details()).containsOnlyKeys("steps"));
    assertThat(stored().stepCount()).isEqualTo(Step.MAX_PER_TODO);
    assertThat(steps.list(alice, todo.id())).hasSize(Step.MAX_PER_TODO);

    steps.delete(alice, todo.id(), steps.list(alice, todo.id()).getFirst().id().toString());
    assertThat(add("room again").position()).isEqualTo(Step.MAX_PER_TODO + 1);
  }

  @Test
  void anotherTodosStepOrAMalformedIdIsStepNotFound() {
    var other = todoIn(list, "Other");
    var elsewhere =
        steps.add(new AddStepCommand(alice, other.id(), InputSource.of(StepInput.titled("x"))));

    for (String id : List.of(elsewhere.id().toString(), StepId.random().toString(), "nope")) {
      assertThatThrownBy(
              () ->
                  steps.patch(
                      new PatchStepCommand(alice, todo.id(), id, InputSource.of(completed(true)))))
          .as(id)
          .isInstanceOf(StepNotFoundException.class);
      assertThatThrownBy(() -> steps.delete(alice, todo.id(), id))
          .as(id)
          .isInstanceOf(StepNotFoundException.class);
    }
    assertThat(database.steps.findById(elsewhere.id())).contains(elsewhere);
  }

  @Test
  void aTodoTheCallerCannotReadIsNotFoundBeforeAnythingElse() {
    var eggs = add("Eggs");

    assertThatThrownBy(() -> steps.list(bob, todo.id())).isInstanceOf(TodoNotFoundException.class);
    assertThatThrownBy(() -> steps.add(new AddStepCommand(bob, todo.id(), MUST_NOT_BE_READ)))
        .isInstanceOf(TodoNotFoundException.class);
    assertThatThrownBy(
            () ->
                steps.patch(
                    new PatchStepCommand(bob, todo.id(), eggs.id().toString(), MUST_NOT_BE_READ)))
        .isInstanceOf(TodoNotFoundException.class);
    assertThatThrownBy(() -> steps.delete(bob, todo.id(), eggs.id().toString()))
        .isInstanceOf(TodoNotFoundException.class);
  }

  @Test
  void viewersAndReadOnlyAccountsReadButDoNotWrite() {
    var eggs = add("Eggs");

    for (Caller reader : List.of(viewer, readonlyEditor)) {
      assertThat(steps.list(reader, todo.id())).containsExactly(eggs);
      assertThatThrownBy(() -> steps.add(new AddStepCommand(reader, todo.id(), MUST_NOT_BE_READ)))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(
              () ->
                  steps.patch(
                      new PatchStepCommand(
                          reader, todo.id(), eggs.id().toString(), MUST_NOT_BE_READ)))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> steps.delete(reader, todo.id(), eggs.id().toString()))
          .isInstanceOf(ForbiddenException.class);
    }
    assertThat(stored().stepCount()).isEqualTo(1);
  }

  @Test
  void theStepIsLookedUpBeforeTheRoleAndTheBodyAfterBoth() {
    var missing = StepId.random().toString();

    assertThatThrownBy(
            () -> steps.patch(new PatchStepCommand(viewer, todo.id(), missing, MUST_NOT_BE_READ)))
        .isInstanceOf(StepNotFoundException.class);
    assertThatThrownBy(() -> steps.delete(viewer, todo.id(), missing))
        .isInstanceOf(StepNotFoundException.class);
    var eggs = add("Eggs");
    var nullTitle = new StepInput(Field.nullValue(), Field.absent(), Field.absent());
    assertThatThrownBy(() -> patch(alice, eggs, nullTitle)).isInstanceOf(ValidationException.class);
  }

  @Test
  void stepsMoveWithTheirTodoStayWithItInTheTrashAndGoWhenItIsDeletedForGood() {
    var eggs = patch(alice, add("Eggs"), completed(true));
    var target = newList("Elsewhere");

    var moved =
        useCases
            .updateTodo()
            .mergePatch(
                new UpdateTodoCommand(
                    alice,
                    todo.id(),
                    VersionPrecondition.none(),
                    InputSource.of(TodoInput.empty().withListId(Field.of(target)))));

    assertThat(moved.listId().toString()).isEqualTo(target);
    assertThat(moved.version()).isEqualTo(todo.version() + 1);
    assertThat(moved.stepCount()).isEqualTo(1);
    assertThat(moved.stepsCompleted()).isEqualTo(1);
    assertThat(steps.list(alice, todo.id())).containsExactly(eggs);
    assertThatThrownBy(() -> steps.list(viewer, todo.id()))
        .isInstanceOf(TodoNotFoundException.class);

    useCases
        .deleteTodo()
        .delete(new DeleteTodoCommand(alice, todo.id(), VersionPrecondition.none()));
    assertThat(database.steps.findById(eggs.id())).contains(eggs);
    assertThatThrownBy(() -> steps.list(alice, todo.id()))
        .isInstanceOf(TodoNotFoundException.class);

    useCases.trash().restore(alice, todo.id().toString());
    assertThat(steps.list(alice, todo.id())).containsExactly(eggs);

    useCases
        .deleteTodo()
        .delete(new DeleteTodoCommand(alice, todo.id(), VersionPrecondition.none()));
    useCases.trash().deleteForGood(alice, todo.id().toString());
    assertThat(database.steps.findById(eggs.id())).isEmpty();
  }
}
