package dev.todo.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

/** Micronaut Data access to {@code todos} by key; lists are built by {@link TodoListSql}. */
@JdbcRepository(dialect = Dialect.ANSI)
interface TodoRowRepository extends CrudRepository<TodoRow, Long> {

  Optional<TodoRow> findByPublicId(String publicId);

  @Query(
      """
      UPDATE todos SET title = :title, title_sort = :titleSort, notes = :notes,
             completed = :completed, completed_at = :completedAt, due_date = :dueDate,
             priority = :priority, position = :position, updated_at = :updatedAt,
             version = :version
      WHERE seq = :seq AND version = :version - 1""")
  long updateNextVersion(
      long seq,
      String title,
      String titleSort,
      @Nullable String notes,
      boolean completed,
      @Nullable Long completedAt,
      @Nullable String dueDate,
      int priority,
      long position,
      long updatedAt,
      long version);

  @Query("SELECT coalesce(max(position), 0) + 1 FROM todos WHERE owner = :owner")
  long nextPosition(String owner);

  @Query(
      """
      SELECT coalesce(sum(active_count), 0) FROM active_due_counts
      WHERE owner = :owner AND due_date < :today""")
  long countOverdue(String owner, String today);

  @Query(
      """
      SELECT coalesce(sum(active_count), 0) FROM active_due_counts
      WHERE owner = :owner AND due_date = :today""")
  long countDueOn(String owner, String today);

  /** One more active to-do of the owner due on {@code dueDate}. */
  @Query(
      """
      INSERT INTO active_due_counts (owner, due_date, active_count) VALUES (:owner, :dueDate, 1)
      ON CONFLICT (owner, due_date) DO UPDATE SET active_count = active_count + 1""")
  void incrementActiveDue(String owner, String dueDate);

  /**
   * One fewer. An UPDATE, not an upsert: SQLite checks {@code active_count >= 0} on the row an
   * upsert would insert before it sees the conflict.
   */
  @Query(
      """
      UPDATE active_due_counts SET active_count = active_count - 1
      WHERE owner = :owner AND due_date = :dueDate""")
  void decrementActiveDue(String owner, String dueDate);

  @Query("DELETE FROM active_due_counts WHERE owner = :owner")
  void clearActiveDue(String owner);

  /** Recounts the owner's active to-dos per due date from the rows (after a bulk change). */
  @Query(
      """
      INSERT INTO active_due_counts (owner, due_date, active_count)
      SELECT owner, due_date, count(*) FROM todos
      WHERE owner = :owner AND completed = 0 AND due_date IS NOT NULL
      GROUP BY due_date""")
  void recountActiveDue(String owner);
}
