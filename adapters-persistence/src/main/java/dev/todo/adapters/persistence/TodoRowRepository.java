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
      SELECT count(*) FROM todos
      WHERE owner = :owner AND completed = 0 AND due_date < :today""")
  long countOverdue(String owner, String today);

  @Query(
      """
      SELECT count(*) FROM todos
      WHERE owner = :owner AND completed = 0 AND due_date = :today""")
  long countDueOn(String owner, String today);
}
