package dev.todo.domain.testing;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.user.KnownUser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** In-memory fake of {@link UserRepository}; users in the order they became known. */
public final class InMemoryUserRepository
    implements UserRepository, InMemoryTransactions.Participant {

  private final Map<String, KnownUser> users = new LinkedHashMap<>();

  @Override
  public synchronized void register(Caller caller, Instant now) {
    var known = users.get(caller.subject());
    users.put(
        caller.subject(),
        new KnownUser(
            caller.subject(),
            caller.name().or(() -> known == null ? Optional.empty() : known.name()),
            caller.email().or(() -> known == null ? Optional.empty() : known.email())));
  }

  @Override
  public synchronized Optional<KnownUser> findById(String subject) {
    return Optional.ofNullable(users.get(subject));
  }

  @Override
  public synchronized Optional<KnownUser> findByEmail(String email) {
    String key = KnownUser.emailKey(email);
    return users.values().stream()
        .filter(user -> user.email().map(KnownUser::emailKey).filter(key::equals).isPresent())
        .findFirst();
  }

  @Override
  public synchronized void delete(String subject) {
    users.remove(subject);
  }

  @Override
  public synchronized Runnable checkpoint() {
    var saved = new LinkedHashMap<>(users);
    return () -> {
      synchronized (this) {
        users.clear();
        users.putAll(saved);
      }
    };
  }
}
