package dev.todo.adapters.persistence;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.attachment.AttachmentId;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Attachment metadata in SQLite. Rows reference their to-do by its {@code seq} and go with it (a
 * cascading foreign key); {@code todos.attachment_count} moves with each insert and delete in the
 * caller's transaction, without touching the to-do's version.
 */
@Singleton
final class SqliteAttachmentRepository implements AttachmentRepository {

  private static final String SELECT =
      """
      SELECT a.id, t.id AS todo_id, a.filename, a.content_type, a.size_bytes, a.sha256,
             a.created_at
      FROM attachments a JOIN todos t ON t.seq = a.todo_seq
      """;

  private final JdbcOperations jdbc;

  SqliteAttachmentRepository(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Attachment> findById(AttachmentId id) {
    return query(SELECT + "WHERE a.id = ?", id.toString()).stream().findFirst();
  }

  @Override
  public List<Attachment> findByTodo(TodoId todoId) {
    return query(
        SELECT
            + "WHERE a.todo_seq = (SELECT seq FROM todos WHERE id = ?) ORDER BY a.created_at, a.id",
        todoId.toString());
  }

  @Override
  public List<Attachment> findByOwner(String owner, StatusFilter status) {
    String which =
        switch (status) {
          case ALL -> "";
          case ACTIVE -> " AND t.completed = 0";
          case COMPLETED -> " AND t.completed = 1";
        };
    return query(SELECT + "WHERE t.owner = ?" + which + " ORDER BY a.created_at, a.id", owner);
  }

  @Override
  public void insert(Attachment a) {
    long inserted =
        update(
            """
            INSERT INTO attachments
                (id, todo_seq, filename, content_type, size_bytes, sha256, created_at)
            SELECT ?, seq, ?, ?, ?, ?, ? FROM todos WHERE id = ?""",
            a.id().toString(),
            a.filename(),
            a.contentType(),
            a.sizeBytes(),
            a.sha256(),
            a.createdAt().toEpochMilli(),
            a.todoId().toString());
    if (inserted != 1) {
      throw new IllegalStateException("No to-do " + a.todoId());
    }
    count(a.todoId(), 1);
  }

  @Override
  public void delete(Attachment a) {
    if (update("DELETE FROM attachments WHERE id = ?", a.id().toString()) == 1) {
      count(a.todoId(), -1);
    }
  }

  private void count(TodoId todoId, int delta) {
    update(
        "UPDATE todos SET attachment_count = attachment_count + ? WHERE id = ?",
        delta,
        todoId.toString());
  }

  private List<Attachment> query(String sql, Object... parameters) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, parameters);
          var found = new ArrayList<Attachment>();
          try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              found.add(toDomain(row));
            }
          }
          return found;
        });
  }

  private long update(String sql, Object... parameters) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, parameters);
          return (long) statement.executeUpdate();
        });
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }

  private static Attachment toDomain(ResultSet row) throws SQLException {
    return new Attachment(
        new AttachmentId(UUID.fromString(row.getString("id"))),
        new TodoId(UUID.fromString(row.getString("todo_id"))),
        row.getString("filename"),
        row.getString("content_type"),
        row.getLong("size_bytes"),
        row.getString("sha256"),
        Instant.ofEpochMilli(row.getLong("created_at")));
  }
}
