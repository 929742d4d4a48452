package dev.todo.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way this adapter runs SQL: text with {@code ?} parameters bound in order, on the current
 * transaction's connection, through the per-connection statement cache. A failure surfaces as the
 * unchecked {@link SqlFailure}; {@link DatabaseErrors} turns it into the domain's own exception at
 * the transaction's edge.
 */
@Singleton
final class Sql {

  private final CachedStatements statements;

  Sql(CachedStatements statements) {
    this.statements = statements;
  }

  /** Reads one value of a row. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  <T> List<T> list(String sql, RowReader<T> reader, Object... parameters) {
    return statements.run(
        sql,
        parameters,
        statement -> {
          try (ResultSet row = statement.executeQuery()) {
            var found = new ArrayList<T>();
            while (row.next()) {
              found.add(reader.read(row));
            }
            return found;
          }
        });
  }

  <T> Optional<T> one(String sql, RowReader<T> reader, Object... parameters) {
    return statements.run(
        sql,
        parameters,
        statement -> {
          try (ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
          }
        });
  }

  /** The first column of the only row of a query that always yields one, such as a count. */
  long number(String sql, Object... parameters) {
    return one(sql, row -> row.getLong(1), parameters)
        .orElseThrow(() -> new IllegalStateException("No row from " + sql));
  }

  /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
  long update(String sql, Object... parameters) {
    return statements.run(
        sql,
        parameters,
        statement -> {
          return (long) statement.executeUpdate();
        });
  }

  /** A statement failed; its cause is the driver's {@link SQLException}. */
  static final class SqlFailure extends RuntimeException {
    SqlFailure(String sql, SQLException cause) {
      super("Statement failed: " + sql, cause);
    }
  }
}
