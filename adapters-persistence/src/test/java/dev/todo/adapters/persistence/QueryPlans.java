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
 * The engine's plans of the adapter's statements, on a migrated, analysed database; each plan is
 * printed for the record.
 */
final class QueryPlans implements AutoCloseable {

  private final Runnable closeOwner;
  private final Connection connection;
  private final String explain;
  private final int column;

  private QueryPlans(Runnable closeOwner, DataSource dataSource, String explain, int column)
      throws SQLException {
    this.closeOwner = closeOwner;
    this.connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
    this.explain = explain;
    this.column = column;
  }

  /** SQLite's plans ({@code EXPLAIN QUERY PLAN}'s details) on a new database file. */
  static QueryPlans onSqlite(Path directory) throws SQLException {
    var context =
        ApplicationContext.run(
            Map.of("datasources.default.url", "jdbc:sqlite:" + directory.resolve("plan.db")));
    var plans =
        new QueryPlans(context::close, context.getBean(DataSource.class), "EXPLAIN QUERY PLAN ", 4);
    plans.execute("ANALYZE");
    return plans;
  }

  /** PostgreSQL's plans ({@code EXPLAIN (COSTS OFF)}'s lines) on the database's own connection. */
  static QueryPlans onPostgres(PostgresDatabase database) throws SQLException {
    return new QueryPlans(
        database::close, database.bean(DataSource.class), "EXPLAIN (COSTS OFF) ", 1);
  }

  /** Runs a statement that answers nothing, such as the test's own data or ANALYZE. */
  void execute(String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The lines of the plan of the statement with these parameters. */
  List<String> of(String sql, Object... parameters) throws SQLException {
    var lines = new ArrayList<String>();
    try (var statement = connection.prepareStatement(explain + sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          lines.add(result.getString(column));
        }
      }
    }
    System.out.println("PLAN " + sql + "\n  " + String.join("\n  ", lines));
    return lines;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
    closeOwner.run();
  }
}
