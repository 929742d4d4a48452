package dev.todo.adapters.persistence;

import dev.todo.domain.step.Step;
import dev.todo.domain.step.StepId;
import jakarta.inject.Singleton;

/**
 * How many steps each to-do has and how many of them are completed ({@code todos.step_count},
 * {@code todos.steps_completed}), moved by {@link JdbcStepRepository} in the caller's transaction
 * with each change of a step's row, without touching the to-do's version. A change and a removal
 * count from the stored row, so the counters follow what the table holds.
 */
@Singleton
final class StepCounters {

  private static final String OF_THE_STEPS_TODO =
      " WHERE seq = (SELECT todo_seq FROM steps WHERE id = ?)";

  private final Sql sql;

  StepCounters(Sql sql) {
    this.sql = sql;
  }

  /** After the row was inserted. */
  void inserted(Step step) {
    sql.update(
        "UPDATE todos SET step_count = step_count + 1, steps_completed = steps_completed + ?"
            + " WHERE id = ?",
        step.completed() ? 1 : 0,
        step.todoId().toString());
  }

  /** Before the row is written with {@code after}'s completion. */
  void updating(Step after) {
    String id = after.id().toString();
    sql.update(
        "UPDATE todos SET steps_completed = steps_completed + ?"
            + " - (SELECT completed FROM steps WHERE id = ?)"
            + OF_THE_STEPS_TODO,
        after.completed() ? 1 : 0,
        id,
        id);
  }

  /** Before the row is deleted. */
  void deleting(StepId step) {
    String id = step.toString();
    sql.update(
        "UPDATE todos SET step_count = step_count - 1,"
            + " steps_completed = steps_completed - (SELECT completed FROM steps WHERE id = ?)"
            + OF_THE_STEPS_TODO,
        id,
        id);
  }
}
