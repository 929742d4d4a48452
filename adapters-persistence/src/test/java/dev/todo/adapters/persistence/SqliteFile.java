package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.Transactions;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The persistence adapter on a fresh SQLite file in a directory, migrated, as the service runs it.
 */
final class SqliteFile implements AutoCloseable {

  private final ApplicationContext context;

  private SqliteFile(Path directory, Map<String, Object> settings, Object... beans) {
    var properties = new HashMap<String, Object>(settings);
    properties.put("datasources.default.url", "jdbc:sqlite:" + directory.resolve("todo.db"));
    context = ApplicationContext.builder().properties(properties).singletons(beans).start();
  }

  static SqliteFile in(Path directory) {
    return new SqliteFile(directory, Map.of());
  }

  static SqliteFile in(Path directory, Map<String, Object> settings) {
    return new SqliteFile(directory, settings);
  }

  /** With beans of the service that the adapter uses where it finds them (its clock). */
  static SqliteFile with(Path directory, Object... beans) {
    return new SqliteFile(directory, Map.of(), beans);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  <T> T inTransaction(Supplier<T> work) {
    return bean(Transactions.class).write(work);
  }

  @Override
  public void close() {
    context.close();
  }
}
