package dev.todo.domain.testing;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.Invite;
import dev.todo.domain.list.InviteId;
import dev.todo.domain.list.InviteToken;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListName;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.out.InviteRepository;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.UserRepository;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link InviteRepository} promises. Run against the in-memory fake and SQLite. */
public abstract class InviteRepositoryContract {

  protected InviteRepository invites;
  protected ListRepository lists;
  protected UserRepository users;

  private TodoList list;

  /** Fresh, empty repositories of one store. */
  protected abstract void createRepositories();

  protected abstract <T> T inTransaction(Supplier<T> work);

  @BeforeEach
  void setUp() {
    createRepositories();
    list = TodoList.create(ListId.random(), "alice", ListName.of("Groceries"), false, T0);
    inTransaction(
        () -> {
          users.register(Caller.of("alice"), T0);
          lists.insert(list, 1);
          return null;
        });
  }

  private Invite invite(ListRole role, Duration madeAfterT0, Duration lasting) {
    var created = T0.plus(madeAfterT0);
    return new Invite(InviteId.random(), list.id(), role, created, created.plus(lasting));
  }

  /** Stores a week-long editor invite opened by {@code token}. */
  protected Invite storedInvite(InviteToken token) {
    var invite = invite(ListRole.EDITOR, Duration.ZERO, Duration.ofDays(7));
    store(invite, token);
    return invite;
  }

  private void store(Invite invite, InviteToken token) {
    inTransaction(
        () -> {
          invites.insert(invite, token);
          return null;
        });
  }

  @Test
  void aTokenOpensItsInviteUntilItExpires() {
    var token = InviteToken.random();
    var invite = invite(ListRole.EDITOR, Duration.ZERO, Duration.ofDays(7));
    store(invite, token);

    assertThat(inTransaction(() -> invites.findActive(token, T0.plusSeconds(1)))).contains(invite);
    assertThat(inTransaction(() -> invites.findActive(new InviteToken(token.value()), T0)))
        .contains(invite);
    assertThat(inTransaction(() -> invites.findActive(token, invite.expiresAt()))).isEmpty();
    assertThat(inTransaction(() -> invites.findActive(InviteToken.random(), T0))).isEmpty();
  }

  @Test
  void listsTheUnexpiredInvitesOfAListNewestFirst() {
    var old = invite(ListRole.VIEWER, Duration.ZERO, Duration.ofDays(1));
    var newer = invite(ListRole.EDITOR, Duration.ofHours(1), Duration.ofDays(7));
    var expired = invite(ListRole.EDITOR, Duration.ZERO, Duration.ofMinutes(1));
    store(old, InviteToken.random());
    store(newer, InviteToken.random());
    store(expired, InviteToken.random());

    assertThat(inTransaction(() -> invites.findActive(list.id(), T0.plus(Duration.ofHours(2)))))
        .containsExactly(newer, old);
  }

  @Test
  void aRevokedInviteOpensNothing() {
    var token = InviteToken.random();
    var invite = invite(ListRole.VIEWER, Duration.ZERO, Duration.ofDays(7));
    store(invite, token);

    assertThat(inTransaction(() -> invites.revoke(list.id(), invite.id()))).isTrue();
    assertThat(inTransaction(() -> invites.revoke(list.id(), invite.id()))).isFalse();
    assertThat(inTransaction(() -> invites.findActive(token, T0))).isEmpty();
    assertThat(inTransaction(() -> invites.findActive(list.id(), T0))).isEmpty();
  }

  @Test
  void anInviteIsRevokedOnlyThroughItsOwnList() {
    var other = TodoList.create(ListId.random(), "alice", ListName.of("Other"), false, T0);
    var invite = invite(ListRole.VIEWER, Duration.ZERO, Duration.ofDays(7));
    var token = InviteToken.random();
    inTransaction(
        () -> {
          lists.insert(other, 2);
          invites.insert(invite, token);
          return null;
        });

    assertThat(inTransaction(() -> invites.revoke(other.id(), invite.id()))).isFalse();
    assertThat(inTransaction(() -> invites.findActive(token, T0))).contains(invite);
  }

  @Test
  void anInviteGoesWithItsList() {
    var token = InviteToken.random();
    store(invite(ListRole.EDITOR, Duration.ZERO, Duration.ofDays(7)), token);

    inTransaction(
        () -> {
          lists.delete(list);
          return null;
        });

    assertThat(inTransaction(() -> invites.findActive(token, T0))).isEmpty();
  }
}
