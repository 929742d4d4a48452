package dev.todo.adapters.persistence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * SQLite's plans of the adapter's statements, on a migrated, analysed database file; each plan is
 * printed for the record.
 */
final class QueryPlans implements AutoCloseable {

  private final ApplicationContext context;
  private final Connection connection;

  private QueryPlans(Path directory) throws SQLException {
    context =
        ApplicationContext.run(
            Map.of("datasources.default.url", "jdbc:sqlite:" + directory.resolve("plan.db")));
    DataSource dataSource =
        DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
    connection = dataSource.getConnection();
    connection.createStatement().execute("ANALYZE");
  }

  static QueryPlans onSqlite(Path directory) throws SQLException {
    return new QueryPlans(directory);
  }

  /** The lines of {@code EXPLAIN QUERY PLAN} for the statement with these parameters. */
  List<String> of(String sql, Object... parameters) throws SQLException {
    var lines = new ArrayList<String>();
    try (var statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          lines.add(result.getString("detail"));
        }
      }
    }
    System.out.println("PLAN " + sql + "\n  " + String.join("\n  ", lines));
    return lines;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
    context.close();
  }
}
