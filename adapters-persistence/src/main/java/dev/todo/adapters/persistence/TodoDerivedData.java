package dev.todo.adapters.persistence;

import dev.todo.domain.todo.Todo;

/**
 * Data derived from the {@code todos} rows, kept exact by {@link JdbcTodoRepository} in the same
 * transaction as each change of a row (no triggers).
 */
interface TodoDerivedData {

  /** After the row was inserted. */
  void inserted(Todo todo);

  /** After the row changed from {@code before} to {@code after}. */
  void updated(Todo before, Todo after);

  /** Before the row is deleted. */
  void deleting(Todo todo);
}
