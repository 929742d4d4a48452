package dev.todo.adapters.persistence;

import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static dev.todo.domain.testing.TodoBuilder.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.DatabaseFailureException;
import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.PendingWrites;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.TestLists;
import dev.todo.domain.todo.TodoFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomicity and serialised writes on a real SQLite file. */
class SqliteTransactionsTest {

  @TempDir Path directory;
  private SqliteFile database;
  private Transactions transactions;
  private TodoRepository todos;

  /** A short write time-out only where a test is about it: a loaded machine must not trip it. */
  private void start(Map<String, Object> settings) {
    database = SqliteFile.in(directory, settings);
    transactions = database.bean(Transactions.class);
    todos = database.bean(TodoRepository.class);
    database.inTransaction(
        () -> {
          TestLists.registerWithLists(
              database.bean(UserRepository.class), database.bean(ListRepository.class), "alice");
          return null;
        });
  }

  @AfterEach
  void stop() {
    database.close();
  }

  @Test
  void aStatementTheDatabaseRefusesLeavesThePortAsTheDomainsOwnFailure() {
    start(Map.of());

    assertThatThrownBy(
            () ->
                transactions.write(
                    () -> {
                      todos.insert(aTodo().ownedBy("nobody-registered").build());
                      return null;
                    }))
        .isInstanceOf(DatabaseFailureException.class)
        .hasRootCauseInstanceOf(java.sql.SQLException.class);
    assertThatThrownBy(() -> transactions.read(() -> database.bean(Sql.class).number("SELEC 1")))
        .isInstanceOf(DatabaseFailureException.class);
    assertThat(transactions.read(() -> todos.count(TodoFilter.allOf(listOf("alice"))))).isZero();
  }

  @Test
  void aFailedWriteLeavesNothingBehindNotEvenInTheSearchIndexOrCounters() {
    start(Map.of());
    assertThatThrownBy(
            () ->
                transactions.write(
                    () -> {
                      todos.insert(aTodo().titled("half done").build());
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    var search =
        new TodoFilter(
            List.of(listOf("alice")),
            dev.todo.domain.todo.StatusFilter.ALL,
            Optional.of("half"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(transactions.read(() -> todos.count(TodoFilter.allOf(listOf("alice"))))).isZero();
    assertThat(transactions.read(() -> todos.count(search))).isZero();
  }

  @Test
  void concurrentReadThenWriteTransactionsAllSucceedAndNoneIsLost() throws Exception {
    start(Map.of());
    int threads = 8;
    int writesEach = 50;
    var pool = Executors.newFixedThreadPool(threads);
    var start = new CountDownLatch(1);
    var results = new ArrayList<Future<Integer>>();
    for (int t = 0; t < threads; t++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < writesEach; i++) {
                  transactions.write(
                      () -> {
                        long position = todos.nextPosition(listOf("alice"));
                        todos.insert(aTodo().position(position).build());
                        return null;
                      });
                }
                return writesEach;
              }));
    }
    start.countDown();
    int written = 0;
    for (var result : results) {
      written += result.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(written).isEqualTo(threads * writesEach);
    assertThat(transactions.read(() -> todos.count(TodoFilter.allOf(listOf("alice")))))
        .isEqualTo(threads * writesEach);
    assertThat(transactions.read(() -> todos.nextPosition(listOf("alice"))))
        .isEqualTo(threads * writesEach + 1);
  }

  @Test
  void aWriteThatWaitsTooLongIsUnavailableNotAnError() throws Exception {
    start(Map.of("todo.database.write-timeout-ms", 200));
    var release = new CountDownLatch(1);
    var holder = holdWriter(Executors.newSingleThreadExecutor(), release);
    try {
      assertThatThrownBy(
              () ->
                  transactions.write(
                      () -> {
                        todos.insert(aTodo().titled("too late").build());
                        return null;
                      }))
          .isInstanceOf(ServiceUnavailableException.class);
    } finally {
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
    }
    transactions.write(() -> null);
    assertThat(transactions.read(() -> todos.count(TodoFilter.allOf(listOf("alice")))))
        .as("a write that timed out never runs later")
        .isZero();
  }

  @Test
  void writesQueuedTogetherCommitTogetherAndAFailingOneIsUndoneAlone() throws Exception {
    start(Map.of());
    var release = new CountDownLatch(1);
    var callers = Executors.newFixedThreadPool(4);
    var holder = holdWriter(callers, release);
    long batchesBefore = writer().committedBatches();
    Future<?> first = callers.submit(() -> insert("first", false));
    awaitQueued(1);
    Future<?> failing = callers.submit(() -> insert("failing", true));
    awaitQueued(2);
    Future<?> last = callers.submit(() -> insert("last", false));
    awaitQueued(3);

    release.countDown();
    holder.get(10, TimeUnit.SECONDS);
    first.get(10, TimeUnit.SECONDS);
    last.get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("refused after writing");
    callers.shutdown();

    assertThat(writer().committedBatches())
        .as("the holder's batch, then one batch of the three queued writes")
        .isEqualTo(batchesBefore + 2);
    assertThat(transactions.read(() -> todos.count(TodoFilter.allOf(listOf("alice")))))
        .isEqualTo(2);
    assertThat(transactions.read(() -> todos.count(searchFor("failing")))).isZero();
    assertThat(transactions.read(() -> todos.count(searchFor("first")))).isEqualTo(1);
    assertThat(transactions.read(() -> todos.count(searchFor("last")))).isEqualTo(1);
  }

  @Test
  void aWriteWhoseCommitComesAfterTheInstanceMayNoLongerWriteKeepsNothing() {
    start(Map.of());
    var fence = database.bean(SwitchableWriteFence.class);
    long batchesBefore = writer().committedBatches();

    assertThatThrownBy(
            () ->
                transactions.write(
                    () -> {
                      todos.insert(aTodo().titled("paused").build());
                      fence.close(); // the lease runs out while the write is under way
                      return null;
                    }))
        .isInstanceOf(ServiceUnavailableException.class);

    fence.open();
    assertThat(writer().committedBatches()).isEqualTo(batchesBefore);
    assertThat(transactions.read(() -> todos.count(TodoFilter.allOf(listOf("alice"))))).isZero();
    assertThat(transactions.read(() -> todos.count(searchFor("paused")))).isZero();
    insert("later", false);
    assertThat(transactions.read(() -> todos.count(searchFor("later"))))
        .as("the writer goes on")
        .isEqualTo(1);
  }

  @Test
  void theFenceIsAskedOnceTheWholeBatchHasRunAndRefusesAllOfIt() throws Exception {
    start(Map.of());
    var fence = database.bean(SwitchableWriteFence.class);
    var release = new CountDownLatch(1);
    var callers = Executors.newFixedThreadPool(4);
    var holder = holdWriter(callers, release);
    Future<?> first =
        callers.submit(
            () ->
                transactions.write(
                    () -> {
                      todos.insert(aTodo().titled("first").build());
                      fence.close();
                      return null;
                    }));
    awaitQueued(1);
    Future<?> second = callers.submit(() -> insert("second", false));
    awaitQueued(2);

    release.countDown();
    holder.get(10, TimeUnit.SECONDS);
    for (Future<?> refused : List.of(first, second)) {
      assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ServiceUnavailableException.class);
    }
    callers.shutdown();

    fence.open();
    assertThat(transactions.read(() -> todos.count(TodoFilter.allOf(listOf("alice"))))).isZero();
  }

  @Test
  void waitingForThePendingWritesReturnsOnlyOnceTheWritesAdmittedBeforeHaveFinished()
      throws Exception {
    start(Map.of());
    var release = new CountDownLatch(1);
    var callers = Executors.newFixedThreadPool(4);
    var holder = holdWriter(callers, release);
    Future<?> queued = callers.submit(() -> insert("queued behind", false));
    awaitQueued(1);
    PendingWrites pending = database.bean(PendingWrites.class);

    Future<Boolean> waiting = callers.submit(() -> pending.awaitFinished(Duration.ofSeconds(30)));
    assertThat(pending.awaitFinished(Duration.ofMillis(50)))
        .as("the writer is held, so the writes are not finished")
        .isFalse();
    assertThat(waiting).isNotDone();

    release.countDown();
    assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(transactions.read(() -> todos.count(searchFor("queued behind"))))
        .as("committed before the wait ended")
        .isEqualTo(1);
    holder.get(30, TimeUnit.SECONDS);
    queued.get(30, TimeUnit.SECONDS);
    callers.shutdown();
  }

  @Test
  void aWriteInsideAWriteJoinsIt() {
    start(Map.of());
    long count =
        transactions.write(
            () -> {
              todos.insert(aTodo().titled("outer").build());
              transactions.write(
                  () -> {
                    todos.insert(aTodo().titled("inner").build());
                    return null;
                  });
              return todos.count(TodoFilter.allOf(listOf("alice")));
            });
    assertThat(count).isEqualTo(2);
  }

  @Test
  void closingFinishesQueuedWritesAndRefusesLaterOnes() throws Exception {
    start(Map.of());
    var release = new CountDownLatch(1);
    var callers = Executors.newFixedThreadPool(2);
    var holder = holdWriter(callers, release);
    Future<?> queued = callers.submit(() -> insert("queued", false));
    awaitQueued(1);
    var closing = Executors.newSingleThreadExecutor();
    Future<?> closed = closing.submit(() -> writer().close());
    release.countDown();
    closed.get(10, TimeUnit.SECONDS);
    holder.get(10, TimeUnit.SECONDS);
    queued.get(10, TimeUnit.SECONDS);
    callers.shutdown();
    closing.shutdown();

    assertThat(transactions.read(() -> todos.count(TodoFilter.allOf(listOf("alice")))))
        .isEqualTo(1);
    assertThatThrownBy(() -> transactions.write(() -> null))
        .isInstanceOf(ServiceUnavailableException.class);
  }

  /** Occupies the writer until {@code release} opens; returns once it is running. */
  private Future<Void> holdWriter(ExecutorService callers, CountDownLatch release)
      throws InterruptedException {
    var holding = new CountDownLatch(1);
    Future<Void> holder =
        callers.submit(
            () ->
                transactions.write(
                    () -> {
                      holding.countDown();
                      return await(release);
                    }));
    holding.await();
    return holder;
  }

  private Void insert(String title, boolean thenFail) {
    return transactions.write(
        () -> {
          todos.insert(aTodo().titled(title).build());
          if (thenFail) {
            throw new IllegalStateException("refused after writing");
          }
          return null;
        });
  }

  private void awaitQueued(int writes) throws InterruptedException {
    var writer = writer();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (writer.queuedWrites() < writes) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("writes not queued: " + writer.queuedWrites() + " of " + writes);
      }
      Thread.sleep(5);
    }
  }

  private GroupCommitWriter writer() {
    return database.bean(GroupCommitWriter.class);
  }

  private static TodoFilter searchFor(String text) {
    return new TodoFilter(
        List.of(listOf("alice")),
        dev.todo.domain.todo.StatusFilter.ALL,
        Optional.of(text),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static Void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }
}
