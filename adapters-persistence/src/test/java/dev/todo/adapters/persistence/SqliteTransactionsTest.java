package dev.todo.adapters.persistence;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.todo.TodoFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
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
          database.bean(UserRepository.class).register(Caller.of("alice"), T0);
          return null;
        });
  }

  @AfterEach
  void stop() {
    database.close();
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
            "alice",
            dev.todo.domain.todo.StatusFilter.ALL,
            Optional.of("half"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(transactions.read(() -> todos.count(TodoFilter.allOf("alice")))).isZero();
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
                        long position = todos.nextPosition("alice");
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
    assertThat(transactions.read(() -> todos.count(TodoFilter.allOf("alice"))))
        .isEqualTo(threads * writesEach);
    assertThat(transactions.read(() -> todos.nextPosition("alice")))
        .isEqualTo(threads * writesEach + 1);
  }

  @Test
  void aWriteThatWaitsTooLongIsUnavailableNotAnError() throws Exception {
    start(Map.of("todo.database.write-timeout-ms", 200));
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var holder =
        Executors.newSingleThreadExecutor()
            .submit(
                () ->
                    transactions.write(
                        () -> {
                          holding.countDown();
                          await(release);
                          return null;
                        }));
    holding.await();
    try {
      assertThatThrownBy(() -> transactions.write(() -> null))
          .isInstanceOf(ServiceUnavailableException.class);
      assertThat(transactions.read(() -> todos.count(TodoFilter.allOf("alice")))).isZero();
    } finally {
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
