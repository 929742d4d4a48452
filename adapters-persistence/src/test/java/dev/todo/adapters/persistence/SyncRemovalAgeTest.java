package dev.todo.adapters.persistence;

import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.SyncFeed;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.TestLists;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A removal's age is measured by the service's clock, the one the purge reads its cutoff from: a
 * service whose clock says 2020 forgets a removal of "now" at a 2020 cutoff, not years later.
 */
class SyncRemovalAgeTest {

  private static final Instant SERVICE_NOW = Instant.parse("2020-03-01T12:00:00Z");

  @TempDir Path directory;

  @Test
  void aRemovalIsStampedWithTheServicesClock() {
    try (var database = SqliteFile.with(directory, Clock.fixed(SERVICE_NOW, ZoneOffset.UTC))) {
      var todos = database.bean(TodoRepository.class);
      var todo = aTodo().titled("milk").build();
      database.inTransaction(
          () -> {
            TestLists.registerWithLists(
                database.bean(UserRepository.class), database.bean(ListRepository.class), "alice");
            todos.insert(todo);
            todos.trash(todo, SERVICE_NOW, "alice");
            return null;
          });
      var sync = database.bean(SyncFeed.class);

      assertThat(database.inTransaction(() -> sync.forgetRemovalsBefore(SERVICE_NOW))).isZero();
      assertThat(database.inTransaction(() -> sync.forgetRemovalsBefore(SERVICE_NOW.plusMillis(1))))
          .isEqualTo(1);
    }
  }
}
