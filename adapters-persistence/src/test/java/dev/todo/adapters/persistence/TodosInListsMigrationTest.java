package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V6 puts every to-do of a database filled by the previous version into its owner's default list:
 * nothing lost (to-dos, attachments, search hits, due counts), positions kept, counters exact.
 */
class TodosInListsMigrationTest {

  @TempDir Path directory;

  @Test
  void everyTodoMovesIntoItsOwnersDefaultListWithNothingLost() throws SQLException {
    String url = "jdbc:sqlite:" + directory.resolve("part1.db");
    flyway(url).target("5").load().migrate();
    try (Connection db = DriverManager.getConnection(url)) {
      fillAsVersionFiveWould(db);
      var before = counts(db);

      flyway(url).load().migrate();

      assertThat(counts(db)).isEqualTo(before);
      assertThat(number(db, "SELECT count(*) FROM lists WHERE is_default = 1")).isEqualTo(3);
      assertThat(
              number(
                  db,
                  "SELECT count(*) FROM todos t JOIN lists l ON l.seq = t.list_seq"
                      + " WHERE l.owner <> t.created_by OR l.is_default = 0"))
          .isZero();
      assertThat(
              number(
                  db,
                  "SELECT count(*) FROM lists l WHERE todo_count <> (SELECT count(*) FROM todos t"
                      + " WHERE t.list_seq = l.seq) OR active_count <> (SELECT count(*) FROM todos"
                      + " t WHERE t.list_seq = l.seq AND completed = 0)"))
          .isZero();
      assertThat(
              text(
                  db,
                  "SELECT group_concat(position, ',') FROM (SELECT position FROM todos"
                      + " WHERE created_by = 'alice' ORDER BY position)"))
          .isEqualTo("1,2,3,4,5");
      assertThat(
              number(
                  db,
                  "SELECT count(*) FROM todos WHERE completed = 1"
                      + " AND completed_by = created_by"))
          .isEqualTo(number(db, "SELECT count(*) FROM todos WHERE completed = 1"));
      assertThat(
              text(
                  db,
                  "SELECT group_concat(role || '@' || position, ',') FROM memberships m"
                      + " JOIN lists l ON l.seq = m.list_seq WHERE m.user_sub = 'carol'"
                      + " ORDER BY position"))
          .as("carol's default list comes first, before the list she made under V5")
          .isEqualTo("owner@0,owner@1");
      assertThat(text(db, "SELECT id FROM lists WHERE owner = 'alice' AND is_default = 1"))
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
    return Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration/sqlite");
  }

  /** Three users with to-dos (some completed, some due, with attachments); one with a V5 list. */
  private static void fillAsVersionFiveWould(Connection db) throws SQLException {
    try (var statement = db.createStatement()) {
      for (String user : List.of("alice", "bob", "carol")) {
        statement.execute(
            "INSERT INTO users (sub, email, name, created_at, todo_count, completed_count)"
                + " VALUES ('"
                + user
                + "', null, null, 1000, 0, 0)");
      }
      statement.execute(
          "INSERT INTO users (sub, created_at) VALUES ('dave', 1000)"); // known, no to-dos
      statement.execute(
          "INSERT INTO lists (id, owner, name, is_default, created_at, updated_at, version)"
              + " VALUES ('"
              + UUID.randomUUID()
              + "', 'carol', 'Groceries', 0, 2000, 2000, 1)");
      statement.execute(
          "INSERT INTO memberships (list_seq, user_sub, role, position, added_at)"
              + " SELECT seq, 'carol', 'owner', 1, 2000 FROM lists");
      int seq = 0;
      for (String user : List.of("alice", "bob", "carol")) {
        int count = user.equals("alice") ? 5 : 3;
        for (int position = 1; position <= count; position++) {
          seq++;
          boolean done = position % 2 == 0;
          String title = user + " buys milk " + position;
          statement.execute(
              "INSERT INTO todos (seq, id, owner, title, title_sort, notes, completed,"
                  + " completed_at, due_date, priority, position, attachment_count, created_at,"
                  + " updated_at, version) VALUES ("
                  + seq
                  + ", '"
                  + UUID.randomUUID()
                  + "', '"
                  + user
                  + "', '"
                  + title
                  + "', '"
                  + title
                  + "', null, "
                  + (done ? 1 : 0)
                  + ", "
                  + (done ? "3000" : "null")
                  + ", '2026-01-1"
                  + position
                  + "', 0, "
                  + position
                  + ", "
                  + (position == 1 ? 1 : 0)
                  + ", 2000, 3000, 1)");
          statement.execute(
              "INSERT INTO todo_search (rowid, title, notes) VALUES ("
                  + seq
                  + ", '"
                  + title
                  + "', null)");
          if (position == 1) {
            statement.execute(
                "INSERT INTO attachments (id, todo_seq, filename, content_type, size_bytes,"
                    + " sha256, created_at) VALUES ('"
                    + UUID.randomUUID()
                    + "', "
                    + seq
                    + ", 'a.txt', 'text/plain', 1, '"
                    + "0".repeat(64)
                    + "', 2000)");
          }
        }
        statement.execute(
            "UPDATE users SET todo_count = "
                + count
                + ", completed_count = "
                + count / 2
                + " WHERE sub = '"
                + user
                + "'");
      }
      statement.execute(
          "INSERT INTO active_due_counts (owner, due_date, active_count) SELECT owner, due_date,"
              + " count(*) FROM todos WHERE completed = 0 GROUP BY owner, due_date");
    }
  }

  /** What must survive: rows of each kind, search hits, the due counts' total, the ids. */
  private static List<Object> counts(Connection db) throws SQLException {
    return List.of(
        number(db, "SELECT count(*) FROM users"),
        number(db, "SELECT count(*) FROM todos"),
        number(db, "SELECT count(*) FROM todos WHERE completed = 1"),
        number(db, "SELECT count(*) FROM attachments a JOIN todos t ON t.seq = a.todo_seq"),
        number(db, "SELECT sum(attachment_count) FROM todos"),
        number(db, "SELECT count(*) FROM todo_search WHERE todo_search MATCH '\"milk\"'"),
        number(
            db,
            "SELECT count(*) FROM todo_search s JOIN todos t ON t.seq = s.rowid"
                + " WHERE todo_search MATCH '\"buys\"'"),
        number(db, "SELECT sum(active_count) FROM active_due_counts"),
        text(db, "SELECT group_concat(id, ',') FROM (SELECT id FROM todos ORDER BY id)"));
  }

  private static long number(Connection db, String sql) throws SQLException {
    try (var statement = db.createStatement();
        var result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static String text(Connection db, String sql) throws SQLException {
    try (var statement = db.createStatement();
        var result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }
}
