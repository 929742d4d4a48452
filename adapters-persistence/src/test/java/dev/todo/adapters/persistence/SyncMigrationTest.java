package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V9 adds the sync's numbers to a database filled by V8: every step learns its to-do's list,
 * everything that exists is at change 0 (a full sync sends it), and nothing else changes.
 */
class SyncMigrationTest {

  @TempDir Path directory;

  @Test
  void stepsLearnTheirListsAndEverythingStartsAtChangeZero() throws SQLException {
    String url = "jdbc:sqlite:" + directory.resolve("v8.db");
    flyway(url).target("8").load().migrate();
    try (Connection db = DriverManager.getConnection(url);
        var statement = db.createStatement()) {
      statement.execute("INSERT INTO users (sub, created_at) VALUES ('alice', 1000)");
      for (String name : new String[] {"Inbox", "Groceries"}) {
        statement.execute(
            "INSERT INTO lists (id, owner, name, is_default, todo_count, active_count, created_at,"
                + " updated_at, version) VALUES ('"
                + name
                + "-id', 'alice', '"
                + name
                + "', "
                + (name.equals("Inbox") ? 1 : 0)
                + ", 1, 1, 1000, 1000, 1)");
        statement.execute(
            "INSERT INTO todos (id, list_seq, created_by, title, title_sort, completed, priority,"
                + " position, created_at, updated_at, version, step_count) SELECT '"
                + name
                + "-todo', seq, 'alice', 't', 't', 0, 0, 1, 1000, 1000, 1, 2 FROM lists"
                + " WHERE name = '"
                + name
                + "'");
        for (int i = 1; i <= 2; i++) {
          statement.execute(
              "INSERT INTO steps (id, todo_seq, title, completed, position, created_at,"
                  + " updated_at) SELECT '"
                  + name
                  + "-step-"
                  + i
                  + "', seq, 's', 0, "
                  + i
                  + ", 1000, 1000 FROM todos WHERE id = '"
                  + name
                  + "-todo'");
        }
      }

      flyway(url).load().migrate();

      assertThat(
              number(
                  db,
                  "SELECT count(*) FROM steps s JOIN todos t ON t.seq = s.todo_seq"
                      + " WHERE s.list_seq = t.list_seq"))
          .isEqualTo(4);
      assertThat(
              number(
                  db,
                  "SELECT (SELECT max(change_seq) FROM todos) + (SELECT max(change_seq) FROM steps)"
                      + " + (SELECT max(change_seq) + max(content_seq) FROM lists)"
                      + " + (SELECT latest + forgotten_through FROM sync_clock)"))
          .isZero();
      assertThat(number(db, "SELECT count(*) FROM todos")).isEqualTo(2);
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
    return Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration/sqlite");
  }

  private static long number(Connection db, String sql) throws SQLException {
    try (var statement = db.createStatement();
        var result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
