package dev.todo.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.bootstrap.ServiceOnRandomPort;
import dev.todo.domain.port.in.CreateTodoUseCase;
import dev.todo.domain.port.in.DeleteTodoUseCase;
import dev.todo.domain.port.in.EraseAccountUseCase;
import dev.todo.domain.port.in.ListsUseCase;
import dev.todo.domain.port.in.RecogniseUserUseCase;
import dev.todo.domain.port.in.SharingUseCase;
import dev.todo.domain.port.in.StepsUseCase;
import dev.todo.domain.port.in.SyncUseCase;
import dev.todo.domain.port.in.TrashUseCase;
import dev.todo.domain.port.in.UpdateTodoUseCase;
import dev.todo.domain.testing.SyncProperty;
import dev.todo.domain.testing.SyncPropertyPorts;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SyncProperty} on the assembled service's use cases over each engine (the change numbers
 * and removals written by the persistence adapter): {@value #SEQUENCES} seeded sequences, each with
 * users of its own, on one database (more with {@code -Dsync.sequences=N}, another start with
 * {@code -Dsync.seed=S}).
 */
class SyncPropertySystemTest {

  static final int SEQUENCES = 200;

  @TempDir Path directory;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void aClientBuiltFromThePagesEqualsAFreshFullSync(String engine) {
    try (var server =
        engine.equals("sqlite")
            ? ServiceOnRandomPort.start(directory, Map.of())
            : ServiceOnRandomPort.startOnPostgres(directory, Map.of())) {
      check(server);
    }
  }

  private static void check(EmbeddedServer server) {
    var context = server.getApplicationContext();
    var ports =
        new SyncPropertyPorts(
            context.getBean(RecogniseUserUseCase.class),
            context.getBean(ListsUseCase.class),
            context.getBean(SharingUseCase.class),
            context.getBean(CreateTodoUseCase.class),
            context.getBean(UpdateTodoUseCase.class),
            context.getBean(DeleteTodoUseCase.class),
            context.getBean(TrashUseCase.class),
            context.getBean(StepsUseCase.class),
            context.getBean(EraseAccountUseCase.class),
            context.getBean(SyncUseCase.class));
    int sequences = Integer.getInteger("sync.sequences", SEQUENCES);
    long seed = Long.getLong("sync.seed", 1);
    int syncs = 0;
    for (long s = seed; s < seed + sequences; s++) {
      syncs += SyncProperty.check(ports, s);
    }
    assertThat(syncs).isGreaterThan(sequences);
  }
}
