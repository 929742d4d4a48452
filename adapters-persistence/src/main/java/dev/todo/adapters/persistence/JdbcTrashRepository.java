package dev.todo.adapters.persistence;

import dev.todo.domain.list.ListId;
import dev.todo.domain.port.out.TrashRepository;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TrashedTodo;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The trashed to-dos: rows of {@code todos} with {@code deleted_at} set, read through the trash's
 * own partial indexes. Restoring a row adds it back to its derived data in the same transaction.
 */
@Singleton
final class JdbcTrashRepository implements TrashRepository {

  private static final String TRASHED = "t.deleted_at IS NOT NULL";
  private static final int DELETED_AT = TodoColumn.values().length + 1;
  private static final int DELETED_BY = DELETED_AT + 1;
  private static final String SELECT =
      "SELECT " + TodoRows.SELECT_LIST + ", t.deleted_at, t.deleted_by FROM todos t";
  private static final String NEWEST_FIRST = " ORDER BY t.deleted_at DESC, t.id DESC";
  private static final String IN_LIST =
      SELECT + " WHERE t.list_seq = " + TodoColumn.LIST_SEQ + " AND " + TRASHED;

  /** A keyset page of a list's trash: list id, deleted_at and id of the last, limit. */
  static final String PAGE_IN_LIST_AFTER =
      IN_LIST + " AND (t.deleted_at, t.id) > (?, ?) ORDER BY t.deleted_at, t.id LIMIT ?";

  private static final String FIRST_PAGE_IN_LIST = IN_LIST + " ORDER BY t.deleted_at, t.id LIMIT ?";

  private final Sql sql;
  private final List<TodoDerivedData> derived;

  /**
   * @param derived every {@link TodoDerivedData} bean: a restored row is added back to each
   */
  JdbcTrashRepository(Sql sql, List<TodoDerivedData> derived) {
    this.sql = sql;
    this.derived = List.copyOf(derived);
  }

  @Override
  public Optional<TrashedTodo> findById(TodoId id) {
    return sql.one(
        SELECT + " WHERE t.id = ? AND " + TRASHED, JdbcTrashRepository::read, id.toString());
  }

  @Override
  public List<TrashedTodo> find(List<ListId> lists, PageRequest page) {
    return sql.list(
        SELECT + " WHERE " + inTrash(lists) + NEWEST_FIRST + " LIMIT ? OFFSET ?",
        JdbcTrashRepository::read,
        Stream.concat(Stream.of(ListSeqs.ids(lists)), Stream.of(page.size(), page.offset()))
            .toArray());
  }

  @Override
  public long count(List<ListId> lists) {
    return sql.number("SELECT count(*) FROM todos t WHERE " + inTrash(lists), ListSeqs.ids(lists));
  }

  @Override
  public List<TrashedTodo> findAll(List<ListId> lists) {
    return sql.list(
        SELECT + " WHERE " + inTrash(lists) + NEWEST_FIRST,
        JdbcTrashRepository::read,
        ListSeqs.ids(lists));
  }

  @Override
  public void restore(TrashedTodo trashed, Todo restored) {
    if (!restored.id().equals(trashed.id())
        || restored.version() != trashed.todo().version() + 1
        || sql.update(
                "UPDATE todos SET deleted_at = NULL, deleted_by = NULL WHERE id = ? AND "
                    + "deleted_at IS NOT NULL AND version = ?",
                trashed.id().toString(),
                trashed.todo().version())
            != 1) {
      throw new IllegalStateException("Stale restore of " + trashed.id());
    }
    sql.update(TodoRows.UPDATE, TodoRows.updateValues(trashed.todo(), restored));
    derived.forEach(data -> data.inserted(restored));
  }

  @Override
  public void delete(TrashedTodo trashed) {
    sql.update(
        "DELETE FROM todos WHERE id = ? AND deleted_at IS NOT NULL", trashed.id().toString());
  }

  @Override
  public List<TrashedTodo> deletedBefore(Instant cutoff, int limit) {
    return sql.list(
        SELECT + " WHERE " + TRASHED + " AND t.deleted_at < ? ORDER BY t.deleted_at, t.id LIMIT ?",
        JdbcTrashRepository::read,
        cutoff.toEpochMilli(),
        limit);
  }

  /** Keyset pages on {@code todos_in_trash}, whatever the list's size. */
  @Override
  public List<TrashedTodo> findInList(ListId list, Optional<TrashedTodo> after, int limit) {
    if (after.isEmpty()) {
      return sql.list(FIRST_PAGE_IN_LIST, JdbcTrashRepository::read, list.toString(), limit);
    }
    return sql.list(
        PAGE_IN_LIST_AFTER,
        JdbcTrashRepository::read,
        list.toString(),
        after.get().deletedAt().toEpochMilli(),
        after.get().id().toString(),
        limit);
  }

  private static String inTrash(List<ListId> lists) {
    return ListSeqs.in("t.list_seq", lists) + " AND " + TRASHED;
  }

  private static TrashedTodo read(ResultSet row) throws SQLException {
    return new TrashedTodo(
        TodoRows.read(row),
        Instant.ofEpochMilli(row.getLong(DELETED_AT)),
        Optional.ofNullable(row.getString(DELETED_BY)));
  }
}
