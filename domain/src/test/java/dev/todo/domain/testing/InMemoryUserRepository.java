package dev.todo.domain.testing;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.out.UserRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** In-memory fake of {@link UserRepository}. */
public final class InMemoryUserRepository
    implements UserRepository, InMemoryTransactions.Participant {

  private final Map<String, UserRepositoryContract.StoredUser> users = new HashMap<>();

  @Override
  public synchronized void register(Caller caller, Instant now) {
    users.put(
        caller.subject(),
        new UserRepositoryContract.StoredUser(
            caller.email().orElse(null), caller.name().orElse(null)));
  }

  /** What is stored for {@code subject}, for tests. */
  public synchronized Optional<UserRepositoryContract.StoredUser> stored(String subject) {
    return Optional.ofNullable(users.get(subject));
  }

  @Override
  public synchronized Runnable checkpoint() {
    var saved = new HashMap<>(users);
    return () -> {
      synchronized (this) {
        users.clear();
        users.putAll(saved);
      }
    };
  }
}
