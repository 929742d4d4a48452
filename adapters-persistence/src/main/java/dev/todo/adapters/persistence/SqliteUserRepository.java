package dev.todo.adapters.persistence;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.out.UserRepository;
import jakarta.inject.Singleton;
import java.time.Instant;

/** The users in SQLite, with the counters of their to-dos ({@link OwnerCounters}). */
@Singleton
final class SqliteUserRepository implements UserRepository {

  private final Sql sql;

  SqliteUserRepository(Sql sql) {
    this.sql = sql;
  }

  /** Inserts the user, or refreshes e-mail and name when they changed (no write otherwise). */
  @Override
  public void register(Caller caller, Instant now) {
    sql.update(
        """
        INSERT INTO users (sub, email, name, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (sub) DO UPDATE SET email = excluded.email, name = excluded.name
        WHERE users.email IS NOT excluded.email OR users.name IS NOT excluded.name""",
        caller.subject(),
        caller.email().orElse(null),
        caller.name().orElse(null),
        now.toEpochMilli());
  }
}
