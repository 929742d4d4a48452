package dev.todo.adapters.persistence;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.out.UserRepository;
import jakarta.inject.Singleton;
import java.time.Instant;

@Singleton
final class SqliteUserRepository implements UserRepository {

  private final UserRowRepository users;

  SqliteUserRepository(UserRowRepository users) {
    this.users = users;
  }

  @Override
  public void register(Caller caller, Instant now) {
    users.upsert(
        caller.subject(),
        caller.email().orElse(null),
        caller.name().orElse(null),
        now.toEpochMilli());
  }

  @Override
  public boolean exists(String subject) {
    return users.existsById(subject);
  }
}
