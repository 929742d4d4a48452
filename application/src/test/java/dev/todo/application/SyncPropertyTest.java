package dev.todo.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.testing.SyncProperty;
import dev.todo.domain.testing.SyncPropertyPorts;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link SyncProperty} over the fakes: {@value #SEQUENCES} seeded sequences (more with {@code
 * -Dsync.sequences=N}), each on a database of its own.
 */
class SyncPropertyTest {

  static final int SEQUENCES = 200;

  @Test
  void aClientBuiltFromThePagesEqualsAFreshFullSync() {
    int sequences = Integer.getInteger("sync.sequences", SEQUENCES);
    long seed = Long.getLong("sync.seed", 1);
    int syncs = 0;
    for (long s = seed; s < seed + sequences; s++) {
      var database = new InMemoryDatabase();
      var clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
      syncs += SyncProperty.check(ports(TestUseCases.over(database, clock)), s);
    }
    assertThat(syncs).isGreaterThan(sequences);
  }

  static SyncPropertyPorts ports(UseCases useCases) {
    return new SyncPropertyPorts(
        useCases.recogniseUser(),
        useCases.lists(),
        useCases.sharing(),
        useCases.createTodo(),
        useCases.updateTodo(),
        useCases.deleteTodo(),
        useCases.trash(),
        useCases.steps(),
        useCases.eraseAccount(),
        useCases.sync());
  }
}
