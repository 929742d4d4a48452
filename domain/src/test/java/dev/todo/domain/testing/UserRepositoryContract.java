package dev.todo.domain.testing;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.out.UserRepository;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} promises. */
public abstract class UserRepositoryContract {

  /** A user's row as the repository stores it. */
  public record StoredUser(String email, String name) {}

  protected UserRepository users;

  protected abstract UserRepository createRepository();

  protected abstract <T> T inTransaction(Supplier<T> work);

  /** Looks at the storage itself: what it holds for {@code subject}, if anything. */
  protected abstract Optional<StoredUser> stored(String subject);

  @BeforeEach
  void setUp() {
    users = createRepository();
  }

  private void register(Caller... callers) {
    inTransaction(
        () -> {
          for (int i = 0; i < callers.length; i++) {
            users.register(callers[i], T0.plusSeconds(i));
          }
          return null;
        });
  }

  @Test
  void knowsNobodyUntilTheyAreRegistered() {
    assertThat(stored("carol")).isEmpty();

    register(Caller.of("carol"));

    assertThat(stored("carol")).contains(new StoredUser(null, null));
  }

  @Test
  void registeringAgainRefreshesTheEmailAndNameAndNeverFails() {
    var first = new Caller("dave", Optional.of("d@example.com"), Optional.empty(), Set.of());
    var renamed =
        new Caller("dave", Optional.of("dave@example.com"), Optional.of("Dave"), Set.of());

    register(first, first, renamed);

    assertThat(stored("dave")).contains(new StoredUser("dave@example.com", "Dave"));
  }

  @Test
  void keepsUsersApart() {
    register(
        new Caller("erin", Optional.of("erin@example.com"), Optional.empty(), Set.of()),
        Caller.of("frank"));

    assertThat(stored("erin")).contains(new StoredUser("erin@example.com", null));
    assertThat(stored("frank")).contains(new StoredUser(null, null));
  }
}
