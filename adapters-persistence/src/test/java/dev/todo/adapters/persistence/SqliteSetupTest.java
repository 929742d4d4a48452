package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter's wiring on a real file: directory creation, pragmas, migrations. */
class SqliteSetupTest {

  @TempDir Path directory;
  private ApplicationContext context;
  private Path databaseFile;

  @BeforeEach
  void start() {
    databaseFile = directory.resolve("nested/dir/todo.db");
    context =
        ApplicationContext.run(Map.of("datasources.default.url", "jdbc:sqlite:" + databaseFile));
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void createsTheDatabaseAndItsDirectory() {
    assertThat(Files.isRegularFile(databaseFile)).isTrue();
  }

  @Test
  void tunesEveryConnection() throws SQLException {
    try (Connection connection = rawDataSource().getConnection()) {
      assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(connection, "synchronous")).isEqualTo("1");
      assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
      assertThat(pragma(connection, "busy_timeout")).isEqualTo("5000");
    }
  }

  @Test
  void appliesTheMigrations() throws SQLException {
    try (Connection connection = rawDataSource().getConnection();
        var result =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getString(1)).isEqualTo("1");
    }
  }

  private DataSource rawDataSource() {
    return DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
  }

  private static String pragma(Connection connection, String name) throws SQLException {
    try (var result = connection.createStatement().executeQuery("PRAGMA " + name)) {
      result.next();
      return result.getString(1);
    }
  }
}
