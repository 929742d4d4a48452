package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.testing.PostgresCluster;
import dev.todo.domain.todo.Text;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V10 and V11 on a database filled by V9, on both engines: every to-do's notes are case-folded by
 * the application's rule (beyond ASCII), to-dos without notes have none, nothing else changes.
 */
class NotesFoldMigrationTest {

  @TempDir Path directory;

  @Test
  void onSqlite() throws SQLException {
    foldsTheNotesOfEveryToDo(DatabaseEngine.SQLITE, "jdbc:sqlite:" + directory.resolve("v9.db"));
  }

  @Test
  void onPostgres() throws SQLException {
    foldsTheNotesOfEveryToDo(DatabaseEngine.POSTGRES, PostgresCluster.shared().newDatabase());
  }

  private static void foldsTheNotesOfEveryToDo(DatabaseEngine engine, String url)
      throws SQLException {
    flyway(engine, url).target("9").load().migrate();
    try (var db = DriverManager.getConnection(url);
        var statement = db.createStatement()) {
      statement.execute("INSERT INTO users (sub, created_at) VALUES ('alice', 1000)");
      statement.execute(
          "INSERT INTO lists (id, owner, name, is_default, todo_count, active_count, created_at,"
              + " updated_at, version) VALUES ('inbox', 'alice', 'Inbox', 1, 2, 2, 1000, 1000,"
              + " 1)");
      var notes = new HashMap<String, String>();
      notes.put("a", "ÄPFEL und BÄCKER, ΟΔΟΣ");
      notes.put("b", null);
      for (var todo : notes.entrySet()) {
        statement.execute(
            "INSERT INTO todos (id, list_seq, created_by, title, title_sort, notes, completed,"
                + " priority, position, created_at, updated_at, version) SELECT '"
                + todo.getKey()
                + "', seq, 'alice', 't', 't', "
                + (todo.getValue() == null ? "NULL" : "'" + todo.getValue() + "'")
                + ", 0, 0, 1, 1000, 1000, 1 FROM lists");
      }

      var result = flyway(engine, url).load().migrate();

      assertThat(result.targetSchemaVersion).isEqualTo("11");
      var folded = new HashMap<String, String>();
      var original = new HashMap<String, String>();
      try (var rows = statement.executeQuery("SELECT id, notes, notes_fold FROM todos")) {
        while (rows.next()) {
          original.put(rows.getString(1), rows.getString(2));
          folded.put(rows.getString(1), rows.getString(3));
        }
      }
      assertThat(original).isEqualTo(notes);
      assertThat(folded.get("a"))
          .isEqualTo(Text.caseFolded(notes.get("a")))
          .startsWith("äpfel und bäcker, ");
      assertThat(folded).containsEntry("b", null).hasSize(2);
    }
  }

  private static FluentConfiguration flyway(DatabaseEngine engine, String url) {
    return new SchemaMigrations(engine).ofEngine(Flyway.configure().dataSource(url, null, null));
  }
}
