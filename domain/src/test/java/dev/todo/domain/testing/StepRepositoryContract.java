package dev.todo.domain.testing;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static dev.todo.domain.testing.TodoBuilder.listOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.StepRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.step.Step;
import dev.todo.domain.step.StepId;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Title;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoId;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StepRepository} promises: steps stored field for field and read in position
 * order, the to-do's counters kept exact without touching its version, steps gone with their to-do
 * and moved with it. Run against the fake and the SQLite adapter.
 */
public abstract class StepRepositoryContract {

  protected TodoRepository todos;
  protected UserRepository users;
  protected ListRepository lists;
  protected StepRepository steps;

  /** A fresh, empty set of repositories for each test. */
  protected abstract void createRepositories();

  /** Runs work the way the application does: inside one transaction. */
  protected abstract <T> T inTransaction(Supplier<T> work);

  private Todo todo;
  private Todo other;

  @BeforeEach
  void setUp() {
    createRepositories();
    todo = aTodo().ownedBy("alice").titled("Shopping").build();
    other = aTodo().ownedBy("alice").titled("Other").completed().build();
    run(
        () -> {
          TestLists.registerWithLists(users, lists, "alice", "bob");
          todos.insert(todo);
          todos.insert(other);
        });
  }

  public static Step aStep(TodoId todoId, String title, long position, long secondsAfterT0) {
    var at = T0.plus(Duration.ofSeconds(secondsAfterT0));
    return new Step(StepId.random(), todoId, Title.of(title), false, position, at, at);
  }

  private static Step completed(Step step) {
    return withCompleted(step, true);
  }

  private static Step withCompleted(Step step, boolean completed) {
    return new Step(
        step.id(),
        step.todoId(),
        step.title(),
        completed,
        step.position(),
        step.createdAt(),
        step.updatedAt());
  }

  private void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  private void insert(Step... items) {
    run(
        () -> {
          for (Step s : items) {
            steps.insert(s);
          }
        });
  }

  private Todo stored(Todo t) {
    return inTransaction(() -> todos.findById(t.id()).orElseThrow());
  }

  private List<Step> stepsOf(Todo t) {
    return inTransaction(() -> steps.findByTodo(t.id()));
  }

  @Test
  void findsWhatItStoredFieldForField() {
    var step = completed(aStep(todo.id(), "Eggs, 6 × bio 🥚", -4, 1));
    insert(step);

    assertThat(inTransaction(() -> steps.findById(step.id()))).contains(step);
    assertThat(inTransaction(() -> steps.findById(StepId.random()))).isEmpty();
  }

  @Test
  void listsATodosStepsInPositionOrderTiesByCreationTime() {
    var third = aStep(todo.id(), "third", 2, 1);
    var second = aStep(todo.id(), "second", 1, 5);
    var first = aStep(todo.id(), "first", 1, 2);
    var elsewhere = aStep(other.id(), "elsewhere", 0, 0);
    insert(third, second, first, elsewhere);

    assertThat(stepsOf(todo)).containsExactly(first, second, third);
    assertThat(stepsOf(other)).containsExactly(elsewhere);
    assertThat(inTransaction(() -> steps.findByTodo(TodoId.random()))).isEmpty();
  }

  @Test
  void placesANewStepOnePastTheHighestAndNeverPastTheTop() {
    assertThat(inTransaction(() -> steps.nextPosition(todo.id()))).isEqualTo(1);

    insert(aStep(todo.id(), "a", 5, 1), aStep(todo.id(), "b", -3, 2), aStep(other.id(), "c", 9, 3));
    assertThat(inTransaction(() -> steps.nextPosition(todo.id()))).isEqualTo(6);

    insert(aStep(todo.id(), "top", TodoEdit.MAX_POSITION, 4));
    assertThat(inTransaction(() -> steps.nextPosition(todo.id()))).isEqualTo(TodoEdit.MAX_POSITION);
  }

  @Test
  void writesAStepsNewState() {
    var step = aStep(todo.id(), "Eggs", 1, 1);
    insert(step);
    var changed =
        new Step(
            step.id(),
            todo.id(),
            Title.of("Six eggs"),
            true,
            7,
            step.createdAt(),
            T0.plusSeconds(60));

    run(() -> steps.update(step, changed));

    assertThat(inTransaction(() -> steps.findById(step.id()))).contains(changed);
  }

  @Test
  void keepsTheTodosCountersExactWithoutChangingItsVersion() {
    var a = aStep(todo.id(), "a", 1, 1);
    var b = completed(aStep(todo.id(), "b", 2, 2));
    var c = aStep(todo.id(), "c", 3, 3);
    insert(a, b, c);
    assertThat(stored(todo).stepCount()).isEqualTo(3);
    assertThat(stored(todo).stepsCompleted()).isEqualTo(1);

    run(() -> steps.update(a, completed(a)));
    assertThat(stored(todo).stepsCompleted()).isEqualTo(2);
    run(() -> steps.update(b, withCompleted(b, false)));
    run(() -> steps.delete(completed(a)));
    run(() -> steps.delete(completed(a)));

    assertThat(stored(todo).stepCount()).isEqualTo(2);
    assertThat(stored(todo).stepsCompleted()).isZero();
    assertThat(stored(other).stepCount()).isZero();
    assertThat(stored(todo).version()).isEqualTo(todo.version());
    assertThat(stored(todo).updatedAt()).isEqualTo(todo.updatedAt());
  }

  @Test
  void anUpdateOfTheTodoKeepsItsStepCounters() {
    insert(completed(aStep(todo.id(), "a", 1, 1)), aStep(todo.id(), "b", 2, 2));
    var renamed = todo.toBuilder().title(Title.of("Shopping today")).version(2).build();

    run(() -> todos.update(todo, renamed));

    assertThat(stored(todo).title()).isEqualTo(renamed.title());
    assertThat(stored(todo).stepCount()).isEqualTo(2);
    assertThat(stored(todo).stepsCompleted()).isEqualTo(1);
  }

  @Test
  void stepsMoveWithTheirTodoToAnotherList() {
    var step = completed(aStep(todo.id(), "a", 1, 1));
    insert(step);
    var moved = todo.toBuilder().listId(listOf("bob")).version(2).build();

    run(() -> todos.update(todo, moved));

    assertThat(stored(todo).listId()).isEqualTo(listOf("bob"));
    assertThat(stepsOf(todo)).containsExactly(step);
    assertThat(stored(todo).stepCount()).isEqualTo(1);
    assertThat(stored(todo).stepsCompleted()).isEqualTo(1);
  }

  @Test
  void aRolledBackChangeLeavesNoStepAndNoCountBehind() {
    var kept = aStep(todo.id(), "kept", 1, 1);
    insert(kept);
    var added = aStep(todo.id(), "added", 2, 2);

    try {
      inTransaction(
          () -> {
            steps.insert(added);
            steps.update(kept, completed(kept));
            throw new IllegalStateException("rolled back");
          });
    } catch (IllegalStateException expected) {
      // the transaction's work is undone
    }

    assertThat(stepsOf(todo)).containsExactly(kept);
    assertThat(stored(todo).stepCount()).isEqualTo(1);
    assertThat(stored(todo).stepsCompleted()).isZero();
  }

  @Test
  void stepsStayWithTheirTodoInTheTrash() {
    var a = aStep(todo.id(), "a", 1, 1);
    var b = aStep(other.id(), "b", 1, 1);
    insert(a, b);

    run(
        () -> {
          todos.trash(stored(todo), T0, "alice");
          todos.trashAll(List.of(listOf("alice")), StatusFilter.COMPLETED, T0, "alice");
        });

    assertThat(inTransaction(() -> steps.findById(a.id()))).contains(a);
    assertThat(stepsOf(todo)).containsExactly(a);
    assertThat(stepsOf(other)).containsExactly(b);
  }
}
