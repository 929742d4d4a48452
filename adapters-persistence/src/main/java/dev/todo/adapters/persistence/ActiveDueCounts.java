package dev.todo.adapters.persistence;

import dev.todo.domain.list.ListId;
import dev.todo.domain.todo.Todo;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * How many active to-dos each list has due on each date ({@code active_due_counts}), so that
 * overdue and due today are sums over dates, not counts over rows.
 */
@Singleton
final class ActiveDueCounts implements TodoDerivedData {

  private final Sql sql;

  ActiveDueCounts(Sql sql) {
    this.sql = sql;
  }

  /** Active to-dos due before {@code today}. */
  long overdue(List<ListId> lists, LocalDate today) {
    return sum(lists, "due_date < ?", today);
  }

  /** Active to-dos due on {@code day}. */
  long dueOn(List<ListId> lists, LocalDate day) {
    return sum(lists, "due_date = ?", day);
  }

  private long sum(List<ListId> lists, String dateCondition, LocalDate day) {
    return sql.number(
        "SELECT coalesce(sum(active_count), 0) FROM active_due_counts WHERE "
            + ListSeqs.in("list_seq", lists)
            + " AND "
            + dateCondition,
        Stream.concat(Stream.of(ListSeqs.ids(lists)), Stream.of(day.toString())).toArray());
  }

  @Override
  public void inserted(Todo todo) {
    count(todo, 1);
  }

  @Override
  public void updated(Todo before, Todo after) {
    if (after.movedFrom(before)
        || before.completed() != after.completed()
        || !before.dueDate().equals(after.dueDate())) {
      count(before, -1);
      count(after, 1);
    }
  }

  @Override
  public void deleting(Todo todo) {
    count(todo, -1);
  }

  /** Counts the lists' rows again, after a change of many of them at once. */
  void recount(List<ListId> lists) {
    Object[] ids = ListSeqs.ids(lists);
    sql.update("DELETE FROM active_due_counts WHERE " + ListSeqs.in("list_seq", lists), ids);
    sql.update(
        """
        INSERT INTO active_due_counts (list_seq, due_date, active_count)
        SELECT list_seq, due_date, count(*) FROM todos
        WHERE completed = 0 AND due_date IS NOT NULL AND deleted_at IS NULL AND\s"""
            + ListSeqs.in("list_seq", lists)
            + " GROUP BY list_seq, due_date",
        ids);
  }

  /** A to-do counts while it is active and has a due date. */
  private void count(Todo todo, int delta) {
    if (todo.completed() || todo.dueDate().isEmpty()) {
      return;
    }
    String list = todo.listId().toString();
    String day = todo.dueDate().get().toString();
    if (delta > 0) {
      sql.update(
          """
          INSERT INTO active_due_counts (list_seq, due_date, active_count)
          VALUES ((SELECT seq FROM lists WHERE id = ?), ?, 1)
          ON CONFLICT (list_seq, due_date)
          DO UPDATE SET active_count = active_due_counts.active_count + 1""",
          list,
          day);
    } else {
      // An UPDATE, not an upsert: SQLite checks active_count >= 0 on the row an upsert would insert
      // before it sees the conflict.
      sql.update(
          "UPDATE active_due_counts SET active_count = active_count - 1"
              + " WHERE list_seq = (SELECT seq FROM lists WHERE id = ?) AND due_date = ?",
          list,
          day);
    }
  }
}
