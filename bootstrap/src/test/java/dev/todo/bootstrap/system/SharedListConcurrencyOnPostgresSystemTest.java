package dev.todo.bootstrap.system;

import dev.todo.domain.testing.PostgresCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@link SharedListConcurrencySystemTest} on PostgreSQL: two instances of the service on one
 * database (no writer lease: both write at once), sixteen writers shared out between them.
 */
class SharedListConcurrencyOnPostgresSystemTest extends SharedListConcurrencySystemTest {

  @Override
  List<RunningService> start(Path directory) {
    Map<String, Object> database =
        Map.of("datasources.default.url", PostgresCluster.shared().newDatabase());
    return List.of(
        new RunningService(directory.resolve("a"), database),
        new RunningService(directory.resolve("b"), database));
  }
}
