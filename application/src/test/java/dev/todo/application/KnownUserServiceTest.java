package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.MutableClock;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownUserServiceTest {

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final KnownUserService service =
      new KnownUserService(database.users, database.transactions, new MutableClock(T0));

  private static Caller alice(String email, String name) {
    return new Caller("alice", Optional.ofNullable(email), Optional.ofNullable(name), Set.of());
  }

  @Test
  void aNewUserIsKnownAtOnceAndAKnownOneCostsNoWrite() {
    service.recognise(alice("alice@example.com", "Alice"));
    long writes = database.transactions.writes();
    service.recognise(alice("alice@example.com", "Alice"));

    assertThat(writes).isEqualTo(1);
    assertThat(database.transactions.writes()).isEqualTo(1);
    assertThat(database.users.findById("alice").orElseThrow().email())
        .contains("alice@example.com");
  }

  @Test
  void anotherEmailOrNameReplacesTheStoredOneAndAMissingClaimKeepsIt() {
    service.recognise(alice("alice@example.com", "Alice"));
    service.recognise(alice("alice@work.example", null));
    service.recognise(alice(null, null));

    var known = database.users.findById("alice").orElseThrow();
    assertThat(known.email()).contains("alice@work.example");
    assertThat(known.name()).contains("Alice");
    assertThat(database.transactions.writes()).isEqualTo(2);
  }
}
