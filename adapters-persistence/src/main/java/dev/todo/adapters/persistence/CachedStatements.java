package dev.todo.adapters.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Prepared statements kept per SQLite connection for the hand-built queries that run on every list:
 * SQLite spent a third of the page query's time preparing it (24 of 53 µs). sqlite-jdbc and
 * HikariCP have no statement cache. Statements are prepared on the pooled connection's underlying
 * SQLite connection, so they outlive a checkout and die with the connection; a connection is used
 * by one thread at a time, which is what makes its own map safe.
 */
@Singleton
final class CachedStatements {

  static final int PER_CONNECTION = 64;

  private final ConnectionOperations<Connection> connections;
  private final Map<SQLiteConnection, Map<String, PreparedStatement>> byConnection =
      Collections.synchronizedMap(new WeakHashMap<>());

  CachedStatements(ConnectionOperations<Connection> connections) {
    this.connections = connections;
  }

  /**
   * Runs {@code work} with the statement for {@code sql} on the transaction's connection, its
   * placeholders bound to {@code parameters} in order. A statement whose work failed is closed and
   * forgotten: the next use prepares it afresh, so one failure can never leave a statement in a
   * state that fails the next caller.
   *
   * <p>A cached statement's parameters are never cleared, only all bound again: clearing the
   * bindings of a statement whose plan looked at a bound value expires it, and SQLite prepares it
   * again at its next step (a page across 20 lists: 330 instead of 52 µs). A run that does not bind
   * every placeholder is refused rather than run with the values of the run before.
   */
  <R> R run(String sql, Object[] parameters, StatementWork<R> work) {
    Map<String, PreparedStatement> statements = null;
    PreparedStatement statement = null;
    try {
      var pooled = connections.getConnectionStatus().getConnection();
      if (!pooled.isWrapperFor(SQLiteConnection.class)) {
        return prepared(pooled, sql, parameters, work);
      }
      SQLiteConnection connection = pooled.unwrap(SQLiteConnection.class);
      statements = byConnection.computeIfAbsent(connection, ignored -> newCache());
      statement = statements.get(sql);
      if (statement == null || statement.isClosed()) {
        statement = connection.prepareStatement(sql);
        statements.put(sql, statement);
      }
      requireEveryPlaceholder(statement, parameters, sql);
      bind(statement, parameters);
      return work.apply(statement);
    } catch (SQLException | RuntimeException e) {
      if (statement != null) {
        statements.remove(sql);
        closeQuietly(statement);
      }
      if (e instanceof SQLException failure) {
        throw new Sql.SqlFailure(sql, failure);
      }
      throw (RuntimeException) e;
    }
  }

  private static void requireEveryPlaceholder(
      PreparedStatement statement, Object[] parameters, String sql) throws SQLException {
    int placeholders = statement.getParameterMetaData().getParameterCount();
    if (parameters.length != placeholders) {
      throw new IllegalArgumentException(
          placeholders + " placeholders, " + parameters.length + " parameters: " + sql);
    }
  }

  private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }

  /** Not SQLite (PostgreSQL's driver keeps prepared statements on the server by itself). */
  private static <R> R prepared(
      java.sql.Connection connection, String sql, Object[] parameters, StatementWork<R> work)
      throws SQLException {
    try (var statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return work.apply(statement);
    }
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException ignored) {
      // A statement that is no longer wanted: nothing to recover.
    }
  }

  /** Least recently used first out, and closed on the way. */
  private static Map<String, PreparedStatement> newCache() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
        if (size() <= PER_CONNECTION) {
          return false;
        }
        closeQuietly(eldest.getValue());
        return true;
      }
    };
  }

  @FunctionalInterface
  interface StatementWork<R> {
    R apply(PreparedStatement statement) throws SQLException;
  }
}
