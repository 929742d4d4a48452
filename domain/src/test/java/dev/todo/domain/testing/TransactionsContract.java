package dev.todo.domain.testing;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static dev.todo.domain.testing.TodoBuilder.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transactions} promises: a unit of work that throws leaves nothing behind, and
 * only its own work is undone; what a write returned is durable; a write inside a write joins it;
 * concurrent read-then-write units never lose an update. Observed through the to-do and user
 * repositories of the same store. Run against the in-memory fake and the SQLite adapter.
 */
public abstract class TransactionsContract {

  protected Transactions transactions;
  protected TodoRepository todos;
  protected UserRepository users;
  protected ListRepository lists;

  /** Fresh, empty adapters of one store, sharing its transactions. */
  protected abstract void createAdapters();

  /** Closes the store and opens it again (the adapters are replaced), as a restart would. */
  protected abstract void reopen();

  @BeforeEach
  void setUp() {
    createAdapters();
    write(() -> TestLists.registerWithLists(users, lists, "alice"));
  }

  private void write(Runnable work) {
    transactions.write(
        () -> {
          work.run();
          return null;
        });
  }

  private Todo stored(Todo todo) {
    return transactions.read(() -> todos.findById(todo.id())).orElse(null);
  }

  private long alicesCount() {
    return transactions.read(() -> todos.count(TodoFilter.allOf(TodoBuilder.listOf("alice"))));
  }

  private static RuntimeException failure() {
    return new IllegalStateException("the unit of work fails");
  }

  @Test
  void aWriteThatThrowsLeavesNothingBehindAndItsExceptionReachesTheCaller() {
    var todo = aTodo().build();
    var failure = failure();

    assertThatThrownBy(
            () ->
                write(
                    () -> {
                      users.register(Caller.of("bob"), T0);
                      todos.insert(todo);
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(stored(todo)).isNull();
    assertThat(alicesCount()).isZero();
    assertThat(
            transactions.read(
                () ->
                    todos
                        .stats(java.util.List.of(TodoBuilder.listOf("alice")), date("2026-01-15"))
                        .total()))
        .isZero();
  }

  @Test
  void aFailedWriteUndoesOnlyItsOwnWork() {
    var kept = aTodo().titled("kept").build();
    var undone = aTodo().titled("undone").build();
    write(() -> todos.insert(kept));

    assertThatThrownBy(
            () ->
                write(
                    () -> {
                      todos.insert(undone);
                      todos.trash(kept, TodoBuilder.T0, "alice");
                      throw failure();
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(stored(kept)).isEqualTo(kept);
    assertThat(stored(undone)).isNull();
    assertThat(alicesCount()).isEqualTo(1);
  }

  @Test
  void concurrentWritesOfWhichSomeFailKeepExactlyTheOthers() throws Exception {
    int threads = 8;
    int perThread = 30;
    var outcomes = run(threads, perThread, (thread, i) -> (thread * perThread + i) % 3 != 0);

    long expected = outcomes.stream().filter(o -> o.kept).count();
    assertThat(alicesCount()).isEqualTo(expected);
    for (var outcome : outcomes) {
      assertThat(stored(outcome.todo) != null)
          .as(outcome.todo.title().value())
          .isEqualTo(outcome.kept);
    }
  }

  @Test
  void whatAWriteReturnedSurvivesAReopen() {
    var todo = aTodo().build();
    write(() -> todos.insert(todo));

    reopen();

    assertThat(stored(todo)).isEqualTo(todo);
    assertThat(alicesCount()).isEqualTo(1);
  }

  @Test
  void aWriteInsideAWriteJoinsItAndFailsWithIt() {
    var inner = aTodo().titled("inner").build();
    var outer = aTodo().titled("outer").build();

    assertThatThrownBy(
            () ->
                write(
                    () -> {
                      write(() -> todos.insert(inner));
                      todos.insert(outer);
                      throw failure();
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(stored(inner)).isNull();
    assertThat(stored(outer)).isNull();

    write(() -> write(() -> todos.insert(inner)));
    assertThat(stored(inner)).isEqualTo(inner);
  }

  @Test
  void aReadInsideAWriteSeesWhatTheWriteChanged() {
    var todo = aTodo().build();

    var seen =
        transactions.write(
            () -> {
              todos.insert(todo);
              return transactions.read(() -> todos.findById(todo.id()));
            });

    assertThat(seen).contains(todo);
  }

  @Test
  void concurrentReadThenWriteUnitsLoseNoUpdate() throws Exception {
    var todo = aTodo().titled("0").build();
    write(() -> todos.insert(todo));
    int threads = 8;
    int perThread = 25;

    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      var futures = new ArrayList<Future<?>>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    write(() -> incrementTitle(todo.id()));
                  }
                  return null;
                }));
      }
      for (var future : futures) {
        future.get();
      }
    }

    Todo last = stored(todo);
    assertThat(last.title().value()).isEqualTo(Integer.toString(threads * perThread));
    assertThat(last.version()).isEqualTo(1 + threads * perThread);
  }

  private void incrementTitle(TodoId id) {
    Todo current = todos.findById(id).orElseThrow();
    int next = Integer.parseInt(current.title().value()) + 1;
    var edit =
        TodoEdit.forMergePatch(TodoInput.empty().withTitle(Field.of(Integer.toString(next))));
    todos.update(current, current.apply(edit, T0.plusSeconds(next), "alice"));
  }

  private record Outcome(Todo todo, boolean kept) {}

  @FunctionalInterface
  private interface Keeps {
    boolean keeps(int thread, int index);
  }

  /** Each thread inserts its to-dos one write at a time; a write that should not keep throws. */
  private List<Outcome> run(int threads, int perThread, Keeps keeps) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      var futures = new ArrayList<Future<List<Outcome>>>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<List<Outcome>> inserts =
            () -> {
              var outcomes = new ArrayList<Outcome>();
              for (int i = 0; i < perThread; i++) {
                var todo = aTodo().titled("t" + thread + "-" + i).position(i + 1).build();
                boolean kept = keeps.keeps(thread, i);
                try {
                  write(
                      () -> {
                        todos.insert(todo);
                        if (!kept) {
                          throw failure();
                        }
                      });
                } catch (IllegalStateException expected) {
                  // the write that was meant to fail
                }
                outcomes.add(new Outcome(todo, kept));
              }
              return outcomes;
            };
        futures.add(pool.submit(inserts));
      }
      var all = new ArrayList<Outcome>();
      for (var future : futures) {
        all.addAll(future.get());
      }
      return all;
    }
  }
}
