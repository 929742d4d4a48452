package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.HealthProbe;
import dev.todo.domain.testing.HealthProbeContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SqliteHealthProbeTest extends HealthProbeContract {

  @TempDir Path directory;

  @Override
  protected HealthProbe reachableProbe() {
    return new DatabaseHealthProbe(dataSource(directory.resolve("todo.db")), DatabaseEngine.SQLITE);
  }

  @Override
  protected HealthProbe unreachableProbe() {
    return new DatabaseHealthProbe(
        dataSource(directory.resolve("missing-directory/todo.db")), DatabaseEngine.SQLITE);
  }

  private static SQLiteDataSource dataSource(Path file) {
    var dataSource = new SQLiteDataSource();
    dataSource.setUrl(SqliteTuning.URL_PREFIX + file);
    return dataSource;
  }
}
