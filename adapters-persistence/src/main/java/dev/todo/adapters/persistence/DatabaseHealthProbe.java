package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.HealthProbe;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Reports the database up when a pooled connection answers the engine's own question ({@link
 * DatabaseEngine#healthQuery}): SQLite, that the schema can be read; PostgreSQL, that the server
 * takes writes (not a replica in recovery).
 */
@Singleton
final class DatabaseHealthProbe implements HealthProbe {

  private static final int TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;
  private final String query;

  DatabaseHealthProbe(DataSource dataSource, DatabaseEngine engine) {
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    this.query = engine.healthQuery();
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public boolean isUp() {
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
      try (var result = statement.executeQuery(query)) {
        return result.next() && result.getBoolean(1);
      }
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
