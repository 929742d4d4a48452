package dev.todo.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface UserRowRepository extends GenericRepository<UserRow, String> {

  boolean existsById(String sub);

  /** Inserts the user, or refreshes e-mail and name when they changed (no write otherwise). */
  @Query(
      """
      INSERT INTO users (sub, email, name, created_at) VALUES (:sub, :email, :name, :createdAt)
      ON CONFLICT (sub) DO UPDATE SET email = excluded.email, name = excluded.name
      WHERE users.email IS NOT excluded.email OR users.name IS NOT excluded.name""")
  void upsert(String sub, @Nullable String email, @Nullable String name, long createdAt);

  @Query(
      """
      UPDATE users SET todo_count = todo_count + :todos,
                       completed_count = completed_count + :completed
      WHERE sub = :sub""")
  long adjustCounts(String sub, long todos, long completed);
}
