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

  protected UserRepository users;

  protected abstract UserRepository createRepository();

  protected abstract <T> T inTransaction(Supplier<T> work);

  @BeforeEach
  void setUp() {
    users = createRepository();
  }

  @Test
  void knowsNobodyUntilTheyAreRegistered() {
    assertThat(inTransaction(() -> users.exists("carol"))).isFalse();

    inTransaction(
        () -> {
          users.register(Caller.of("carol"), T0);
          return null;
        });

    assertThat(inTransaction(() -> users.exists("carol"))).isTrue();
  }

  @Test
  void registeringAgainRefreshesAndNeverFails() {
    var first = new Caller("dave", Optional.of("d@example.com"), Optional.empty(), Set.of());
    var renamed =
        new Caller("dave", Optional.of("dave@example.com"), Optional.of("Dave"), Set.of());

    inTransaction(
        () -> {
          users.register(first, T0);
          users.register(first, T0.plusSeconds(1));
          users.register(renamed, T0.plusSeconds(2));
          return null;
        });

    assertThat(inTransaction(() -> users.exists("dave"))).isTrue();
  }
}
