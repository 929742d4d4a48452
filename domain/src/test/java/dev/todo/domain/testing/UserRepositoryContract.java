package dev.todo.domain.testing;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.user.KnownUser;
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

  private static Caller caller(String subject, String email, String name) {
    return new Caller(subject, Optional.ofNullable(email), Optional.ofNullable(name), Set.of());
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

  private Optional<KnownUser> byId(String subject) {
    return inTransaction(() -> users.findById(subject));
  }

  private Optional<KnownUser> byEmail(String email) {
    return inTransaction(() -> users.findByEmail(email));
  }

  @Test
  void knowsNobodyUntilTheyAreRegistered() {
    assertThat(byId("carol")).isEmpty();

    register(Caller.of("carol"));

    assertThat(byId("carol")).contains(new KnownUser("carol", Optional.empty(), Optional.empty()));
  }

  @Test
  void registeringAgainRefreshesTheEmailAndNameAndNeverFails() {
    register(
        caller("dave", "d@example.com", null),
        caller("dave", "d@example.com", null),
        caller("dave", "dave@example.com", "Dave"));

    assertThat(byId("dave"))
        .contains(new KnownUser("dave", Optional.of("Dave"), Optional.of("dave@example.com")));
  }

  @Test
  void aTokenWithoutEmailOrNameLeavesTheStoredValues() {
    register(caller("erin", "erin@example.com", "Erin"), Caller.of("erin"));

    assertThat(byId("erin"))
        .contains(new KnownUser("erin", Optional.of("Erin"), Optional.of("erin@example.com")));
  }

  @Test
  void findsAUserByEmailCaseInsensitively() {
    register(
        caller("frank", "Frank@Example.com", "Frank"), caller("gina", "gina@example.com", null));

    assertThat(byEmail("frank@example.COM").map(KnownUser::id)).contains("frank");
    assertThat(byEmail(" gina@example.com ").map(KnownUser::id)).contains("gina");
    assertThat(byEmail("frank@example.org")).isEmpty();
    assertThat(byEmail("frank")).isEmpty();
  }

  @Test
  void anEmailSharedByTwoUsersFindsTheOneKnownTheLongest() {
    register(caller("first", "same@example.com", null), caller("second", "SAME@example.com", null));

    assertThat(byEmail("same@example.com").map(KnownUser::id)).contains("first");
  }

  @Test
  void aChangedEmailIsFoundUnderTheNewOneOnly() {
    register(caller("hal", "old@example.com", null), caller("hal", "new@example.com", null));

    assertThat(byEmail("new@example.com").map(KnownUser::id)).contains("hal");
    assertThat(byEmail("old@example.com")).isEmpty();
  }

  @Test
  void aDeletedUserIsUnknownUntilTheyRegisterAfresh() {
    register(caller("carol", "carol@example.com", "Carol"));

    inTransaction(
        () -> {
          users.delete("carol");
          users.delete("nobody");
          return null;
        });

    assertThat(byId("carol")).isEmpty();
    assertThat(byEmail("carol@example.com")).isEmpty();
    register(Caller.of("carol"));
    assertThat(byId("carol")).contains(new KnownUser("carol", Optional.empty(), Optional.empty()));
  }
}
