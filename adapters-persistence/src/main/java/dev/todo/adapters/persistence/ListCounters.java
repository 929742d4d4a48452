package dev.todo.adapters.persistence;

import dev.todo.domain.list.ListId;
import dev.todo.domain.todo.Todo;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * How many to-dos each list has, and how many of them are active ({@code lists.todo_count}, {@code
 * lists.active_count}), so that list totals and stats never count rows.
 */
@Singleton
final class ListCounters implements TodoDerivedData {

  /** The lists' counts together. */
  record Counts(long todos, long active) {
    long completed() {
      return todos - active;
    }
  }

  private final Sql sql;

  ListCounters(Sql sql) {
    this.sql = sql;
  }

  Counts of(List<ListId> lists) {
    return sql.one(
            "SELECT coalesce(sum(todo_count), 0), coalesce(sum(active_count), 0) FROM lists WHERE "
                + ListSeqs.idIn(lists),
            row -> new Counts(row.getLong(1), row.getLong(2)),
            ListSeqs.ids(lists))
        .orElse(new Counts(0, 0));
  }

  @Override
  public void inserted(Todo todo) {
    adjust(todo.listId(), 1, todo.completed() ? 0 : 1);
  }

  @Override
  public void updated(Todo before, Todo after) {
    if (after.movedFrom(before)) {
      deleting(before);
      inserted(after);
    } else if (before.completed() != after.completed()) {
      adjust(after.listId(), 0, after.completed() ? -1 : 1);
    }
  }

  @Override
  public void deleting(Todo todo) {
    adjust(todo.listId(), -1, todo.completed() ? 0 : -1);
  }

  /** Counts the lists' rows again, after a change of many of them at once. */
  void recount(List<ListId> lists) {
    sql.update(
        """
        UPDATE lists SET
            todo_count = (SELECT count(*) FROM todos t
                          WHERE t.list_seq = lists.seq AND t.deleted_at IS NULL),
            active_count = (SELECT count(*) FROM todos t
                            WHERE t.list_seq = lists.seq AND t.deleted_at IS NULL
                              AND t.completed = 0)
        WHERE\s"""
            + ListSeqs.in("seq", lists),
        ListSeqs.ids(lists));
  }

  private void adjust(ListId list, long todos, long active) {
    sql.update(
        "UPDATE lists SET todo_count = todo_count + ?, active_count = active_count + ?"
            + " WHERE id = ?",
        todos,
        active,
        list.toString());
  }
}
