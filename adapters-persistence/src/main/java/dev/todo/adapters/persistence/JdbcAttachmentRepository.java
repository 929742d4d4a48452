package dev.todo.adapters.persistence;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.attachment.AttachmentId;
import dev.todo.domain.list.ListId;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Attachment metadata in the database (SQLite or PostgreSQL). Rows reference their to-do by its
 * {@code seq} and go with it (a cascading foreign key); {@code todos.attachment_count} moves with
 * each insert and delete in the caller's transaction, without touching the to-do's version.
 */
@Singleton
final class JdbcAttachmentRepository implements AttachmentRepository {

  private static final String SELECT =
      """
      SELECT a.id, t.id AS todo_id, a.filename, a.content_type, a.size_bytes, a.sha256,
             a.created_at
      FROM attachments a JOIN todos t ON t.seq = a.todo_seq
      """;

  private final Sql sql;
  private final SyncChanges sync;

  JdbcAttachmentRepository(Sql sql, SyncChanges sync) {
    this.sql = sql;
    this.sync = sync;
  }

  @Override
  public Optional<Attachment> findById(AttachmentId id) {
    return sql.one(SELECT + "WHERE a.id = ?", JdbcAttachmentRepository::read, id.toString());
  }

  @Override
  public List<Attachment> findByTodo(TodoId todoId) {
    return sql.list(
        SELECT
            + "WHERE a.todo_seq = (SELECT seq FROM todos WHERE id = ?) ORDER BY a.created_at, a.id",
        JdbcAttachmentRepository::read,
        todoId.toString());
  }

  @Override
  public List<Attachment> findInLists(List<ListId> lists, StatusFilter status) {
    if (lists.isEmpty()) {
      return List.of();
    }
    return sql.list(
        SELECT
            + "WHERE "
            + ListSeqs.in("t.list_seq", lists)
            + StatusCondition.and(status, "t.")
            + " ORDER BY a.created_at, a.id",
        JdbcAttachmentRepository::read,
        ListSeqs.ids(lists));
  }

  @Override
  public void insert(Attachment a) {
    long inserted =
        sql.update(
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
    countOnTodo(a.todoId(), 1);
  }

  @Override
  public void delete(Attachment a) {
    if (sql.update("DELETE FROM attachments WHERE id = ?", a.id().toString()) == 1) {
      countOnTodo(a.todoId(), -1);
    }
  }

  /** Keeps {@code todos.attachment_count} exact, without touching the to-do's version. */
  private void countOnTodo(TodoId todoId, int delta) {
    sql.update(
        "UPDATE todos SET attachment_count = attachment_count + ? WHERE id = ?",
        delta,
        todoId.toString());
    sync.todo(todoId);
  }

  private static Attachment read(ResultSet row) throws SQLException {
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
