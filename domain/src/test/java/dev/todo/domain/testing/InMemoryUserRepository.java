package dev.todo.domain.testing;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.out.UserRepository;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory fake of {@link UserRepository}. */
public final class InMemoryUserRepository implements UserRepository {

  private final Set<String> subjects = ConcurrentHashMap.newKeySet();

  @Override
  public void register(Caller caller, Instant now) {
    subjects.add(caller.subject());
  }

  @Override
  public boolean exists(String subject) {
    return subjects.contains(subject);
  }
}
