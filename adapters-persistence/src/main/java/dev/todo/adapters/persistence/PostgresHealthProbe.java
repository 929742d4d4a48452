package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.HealthProbe;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Reports the database up when a pooled connection answers a query and the server accepts writes
 * (not a read-only replica, not in recovery).
 */
@Singleton
@OnPostgres
final class PostgresHealthProbe implements HealthProbe {

  private static final int TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;

  PostgresHealthProbe(DataSource dataSource) {
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
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
      try (var result = statement.executeQuery("SELECT NOT pg_is_in_recovery()")) {
        return result.next() && result.getBoolean(1);
      }
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
