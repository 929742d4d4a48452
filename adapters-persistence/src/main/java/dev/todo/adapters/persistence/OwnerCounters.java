package dev.todo.adapters.persistence;

import dev.todo.domain.todo.Todo;
import jakarta.inject.Singleton;

/**
 * How many to-dos each owner has, and how many of them are completed ({@code users.todo_count},
 * {@code users.completed_count}), so that list totals and stats never count rows.
 */
@Singleton
final class OwnerCounters implements TodoDerivedData {

  /** An owner's counts; zero for an owner who never wrote. */
  record Counts(long todos, long completed) {}

  private final Sql sql;

  OwnerCounters(Sql sql) {
    this.sql = sql;
  }

  Counts of(String owner) {
    return sql.one(
            "SELECT todo_count, completed_count FROM users WHERE sub = ?",
            row -> new Counts(row.getLong(1), row.getLong(2)),
            owner)
        .orElse(new Counts(0, 0));
  }

  @Override
  public void inserted(Todo todo) {
    adjust(todo.owner(), 1, todo.completed() ? 1 : 0);
  }

  @Override
  public void updated(Todo before, Todo after) {
    if (before.completed() != after.completed()) {
      adjust(after.owner(), 0, after.completed() ? 1 : -1);
    }
  }

  @Override
  public void deleting(Todo todo) {
    adjust(todo.owner(), -1, todo.completed() ? -1 : 0);
  }

  /** After a change of many rows at once. */
  void adjust(String owner, long todos, long completed) {
    if (todos != 0 || completed != 0) {
      sql.update(
          "UPDATE users SET todo_count = todo_count + ?, completed_count = completed_count + ?"
              + " WHERE sub = ?",
          todos,
          completed,
          owner);
    }
  }
}
