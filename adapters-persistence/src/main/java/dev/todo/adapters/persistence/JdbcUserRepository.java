package dev.todo.adapters.persistence;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.user.KnownUser;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The users in the database (SQLite or PostgreSQL). */
@Singleton
final class JdbcUserRepository implements UserRepository {

  private static final String SELECT = "SELECT sub, name, email FROM users";

  private final Sql sql;

  private final SyncChanges sync;

  JdbcUserRepository(Sql sql, SyncChanges sync) {
    this.sql = sql;
    this.sync = sync;
  }

  /** One statement: inserts, or updates only what the token says differently (else no write). */
  @Override
  public void register(Caller caller, Instant now) {
    String email = caller.email().orElse(null);
    long written =
        sql.update(
            """
        INSERT INTO users (sub, email, email_key, name, created_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (sub) DO UPDATE SET
            email = coalesce(excluded.email, users.email),
            email_key = coalesce(excluded.email_key, users.email_key),
            name = coalesce(excluded.name, users.name)
        WHERE excluded.email IS NOT NULL
                  AND (users.email IS DISTINCT FROM excluded.email
                       OR users.email_key IS DISTINCT FROM excluded.email_key)
              OR excluded.name IS NOT NULL AND users.name IS DISTINCT FROM excluded.name""",
            caller.subject(),
            email,
            email == null ? null : KnownUser.emailKey(email),
            caller.name().orElse(null),
            now.toEpochMilli());
    if (written == 1) {
      sync.ownerOf(caller.subject());
    }
  }

  @Override
  public Optional<KnownUser> findById(String subject) {
    return sql.one(SELECT + " WHERE sub = ?", JdbcUserRepository::read, subject);
  }

  @Override
  public Optional<KnownUser> findByEmail(String email) {
    return sql.one(
        SELECT + " WHERE email_key = ? ORDER BY created_at, sub LIMIT 1",
        JdbcUserRepository::read,
        KnownUser.emailKey(email));
  }

  @Override
  public void delete(String subject) {
    sql.update("DELETE FROM users WHERE sub = ?", subject);
  }

  private static KnownUser read(ResultSet row) throws SQLException {
    return new KnownUser(
        row.getString("sub"),
        Optional.ofNullable(row.getString("name")),
        Optional.ofNullable(row.getString("email")));
  }
}
