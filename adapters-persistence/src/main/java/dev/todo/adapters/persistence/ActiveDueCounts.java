package dev.todo.adapters.persistence;

import dev.todo.domain.todo.Todo;
import jakarta.inject.Singleton;
import java.time.LocalDate;

/**
 * How many active to-dos each owner has due on each date ({@code active_due_counts}), so that
 * overdue and due today are sums over dates, not counts over rows.
 */
@Singleton
final class ActiveDueCounts implements TodoDerivedData {

  private final Sql sql;

  ActiveDueCounts(Sql sql) {
    this.sql = sql;
  }

  /** Active to-dos due before {@code today}. */
  long overdue(String owner, LocalDate today) {
    return sql.number(
        "SELECT coalesce(sum(active_count), 0) FROM active_due_counts"
            + " WHERE owner = ? AND due_date < ?",
        owner,
        today.toString());
  }

  /** Active to-dos due on {@code day}. */
  long dueOn(String owner, LocalDate day) {
    return sql.number(
        "SELECT coalesce(sum(active_count), 0) FROM active_due_counts"
            + " WHERE owner = ? AND due_date = ?",
        owner,
        day.toString());
  }

  @Override
  public void inserted(Todo todo) {
    count(todo, 1);
  }

  @Override
  public void updated(Todo before, Todo after) {
    if (before.completed() != after.completed() || !before.dueDate().equals(after.dueDate())) {
      count(before, -1);
      count(after, 1);
    }
  }

  @Override
  public void deleting(Todo todo) {
    count(todo, -1);
  }

  /** Counts the owner's rows again, after a change of many of them at once. */
  void recount(String owner) {
    sql.update("DELETE FROM active_due_counts WHERE owner = ?", owner);
    sql.update(
        """
        INSERT INTO active_due_counts (owner, due_date, active_count)
        SELECT owner, due_date, count(*) FROM todos
        WHERE owner = ? AND completed = 0 AND due_date IS NOT NULL
        GROUP BY due_date""",
        owner);
  }

  /** A to-do counts while it is active and has a due date. */
  private void count(Todo todo, int delta) {
    if (todo.completed() || todo.dueDate().isEmpty()) {
      return;
    }
    String owner = todo.owner();
    String day = todo.dueDate().get().toString();
    if (delta > 0) {
      sql.update(
          """
          INSERT INTO active_due_counts (owner, due_date, active_count) VALUES (?, ?, 1)
          ON CONFLICT (owner, due_date) DO UPDATE SET active_count = active_count + 1""",
          owner,
          day);
    } else {
      // An UPDATE, not an upsert: SQLite checks active_count >= 0 on the row an upsert would insert
      // before it sees the conflict.
      sql.update(
          "UPDATE active_due_counts SET active_count = active_count - 1"
              + " WHERE owner = ? AND due_date = ?",
          owner,
          day);
    }
  }
}
