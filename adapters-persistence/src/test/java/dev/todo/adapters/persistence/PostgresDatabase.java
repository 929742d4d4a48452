package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.testing.PostgresCluster;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The persistence adapter on a new, migrated database of the tests' PostgreSQL cluster, as the
 * service runs it on Cloud SQL.
 */
final class PostgresDatabase implements AutoCloseable {

  private final String url;
  private final ApplicationContext context;

  private PostgresDatabase(String url) {
    this.url = url;
    context = ApplicationContext.run(Map.of("datasources.default.url", url));
  }

  /** A new database. */
  static PostgresDatabase create() {
    return new PostgresDatabase(PostgresCluster.shared().newDatabase());
  }

  /** The same database in a new application context, as after a restart. */
  PostgresDatabase reopened() {
    close();
    return new PostgresDatabase(url);
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
