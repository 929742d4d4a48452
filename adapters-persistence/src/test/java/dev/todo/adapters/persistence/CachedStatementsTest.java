package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.DatabaseFailureException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prepared statements reused per connection, on a real SQLite file. */
class CachedStatementsTest {

  private static final Object[] NONE = {};

  @TempDir Path directory;
  private SqliteFile database;
  private CachedStatements statements;

  @BeforeEach
  void start() {
    database = SqliteFile.in(directory);
    statements = database.bean(CachedStatements.class);
  }

  @AfterEach
  void stop() {
    database.close();
  }

  @Test
  void aQueryRunAgainOnTheSameConnectionReusesItsStatement() {
    var used =
        database.inTransaction(
            () ->
                new PreparedStatement[] {
                  statements.run("SELECT 1", NONE, statement -> statement),
                  statements.run("SELECT 1", NONE, statement -> statement),
                  statements.run("SELECT 2", NONE, statement -> statement)
                });

    assertThat(used[1]).isSameAs(used[0]);
    assertThat(used[2]).isNotSameAs(used[0]);
  }

  @Test
  void eachRunBindsEveryPlaceholderAndARunThatWouldNotIsRefused() {
    var values =
        database.inTransaction(
            () ->
                new String[] {
                  statements.run("SELECT ?", new Object[] {"first"}, CachedStatementsTest::single),
                  statements.run("SELECT ?", new Object[] {"second"}, CachedStatementsTest::single)
                });

    assertThat(values).containsExactly("first", "second");
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    () -> statements.run("SELECT ?", NONE, CachedStatementsTest::single)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 placeholders, 0 parameters");
    assertThat(
            database.inTransaction(
                () ->
                    statements.run(
                        "SELECT ?", new Object[] {"third"}, CachedStatementsTest::single)))
        .isEqualTo("third");
  }

  @Test
  void theLeastRecentlyUsedStatementIsClosedWhenTheCacheIsFull() {
    var oldest =
        database.inTransaction(
            () -> {
              PreparedStatement first = statements.run("SELECT 0", NONE, statement -> statement);
              for (int i = 1; i <= CachedStatements.PER_CONNECTION; i++) {
                statements.run("SELECT " + i, NONE, statement -> statement);
              }
              return first;
            });

    assertThat(isClosed(oldest)).isTrue();
  }

  @Test
  void aStatementWhoseRunFailedIsClosedAndTheNextRunPreparesItAfresh() {
    var failed = new PreparedStatement[1];
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    () ->
                        statements.run(
                            "SELECT ?",
                            new Object[] {"fails"},
                            statement -> {
                              failed[0] = statement;
                              throw new SQLException("the statement failed");
                            })))
        .isInstanceOf(DatabaseFailureException.class)
        .hasRootCauseMessage("the statement failed");

    var next =
        database.inTransaction(
            () ->
                statements.run(
                    "SELECT ?",
                    new Object[] {"works"},
                    statement -> {
                      return new Object[] {statement, single(statement)};
                    }));

    assertThat(isClosed(failed[0])).isTrue();
    assertThat(next[0]).isNotSameAs(failed[0]);
    assertThat(next[1]).isEqualTo("works");
  }

  private static String single(PreparedStatement statement) throws SQLException {
    try (ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getString(1);
    }
  }

  private static boolean isClosed(PreparedStatement statement) {
    try {
      return statement.isClosed();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
