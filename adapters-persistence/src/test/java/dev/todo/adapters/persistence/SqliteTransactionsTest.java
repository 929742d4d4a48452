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
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomicity and serialised writes on a real SQLite file. */
class SqliteTransactionsTest {

  @TempDir Path directory;
  private ApplicationContext context;
  private Transactions transactions;
  private TodoRepository todos;
  private UserRepository users;

  @BeforeEach
  void start() {
    context =
        ApplicationContext.run(
            Map.of(
                "datasources.default.url",
                "jdbc:sqlite:" + directory.resolve("todo.db"),
                "todo.database.write-timeout-ms",
                200));
    transactions = context.getBean(Transactions.class);
    todos = context.getBean(TodoRepository.class);
    users = context.getBean(UserRepository.class);
    transactions.write(
        () -> {
          users.register(Caller.of("alice"), T0);
          return null;
        });
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void aFailedWriteLeavesNothingBehindNotEvenInTheSearchIndexOrCounters() {
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
