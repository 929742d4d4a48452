package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.HealthProbe;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Reports the database up when a pooled connection answers a query against the schema. */
@Singleton
@OnSqlite
final class SqliteHealthProbe implements HealthProbe {

  private static final int TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;

  SqliteHealthProbe(DataSource dataSource) {
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
      try (var result = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
        return result.next();
      }
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
