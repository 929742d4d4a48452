package dev.todo.adapters.persistence;

import dev.todo.domain.list.ListId;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The substring search index over titles and notes ({@code todo_search}: FTS5, trigram tokenizer,
 * contentless; its rowid is the to-do's {@code seq}), on SQLite; PostgreSQL searches the rows
 * themselves, through trigram indexes on them, and keeps no index of its own.
 */
@Singleton
final class SearchIndex implements TodoDerivedData {

  private final Sql sql;
  private final boolean kept;

  SearchIndex(Sql sql, DatabaseEngine engine) {
    this.sql = sql;
    this.kept = engine == DatabaseEngine.SQLITE;
  }

  @Override
  public void inserted(Todo todo) {
    if (!kept) {
      return;
    }
    sql.update(
        "INSERT INTO todo_search (rowid, title, notes) SELECT seq, ?, ? FROM todos WHERE id = ?",
        TodoColumn.TITLE.valueOf(todo),
        TodoColumn.NOTES.valueOf(todo),
        todo.id().toString());
  }

  @Override
  public void updated(Todo before, Todo after) {
    if (kept && (!before.title().equals(after.title()) || !before.notes().equals(after.notes()))) {
      deleting(before);
      inserted(after);
    }
  }

  @Override
  public void deleting(Todo todo) {
    if (!kept) {
      return;
    }
    sql.update(
        "DELETE FROM todo_search WHERE rowid = (SELECT seq FROM todos WHERE id = ?)",
        todo.id().toString());
  }

  /** Before the lists' live rows that match {@code status} leave at once (or the lists go). */
  void deletingAll(List<ListId> lists, StatusFilter status) {
    if (!kept) {
      return;
    }
    sql.update(
        "DELETE FROM todo_search WHERE rowid IN (SELECT seq FROM todos t WHERE "
            + ListSeqs.in("t.list_seq", lists)
            + " AND "
            + TodoListSql.LIVE
            + StatusCondition.and(status, "t.")
            + ")",
        ListSeqs.ids(lists));
  }
}
