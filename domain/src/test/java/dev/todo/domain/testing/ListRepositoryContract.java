package dev.todo.domain.testing;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListName;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.Member;
import dev.todo.domain.list.Membership;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.UserRepository;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ListRepository} promises. Run against the in-memory fake and SQLite. */
public abstract class ListRepositoryContract {

  protected ListRepository lists;
  protected UserRepository users;

  /** A fresh, empty pair of repositories of one store. */
  protected abstract void createRepositories();

  protected abstract <T> T inTransaction(Supplier<T> work);

  @BeforeEach
  void setUp() {
    createRepositories();
    inTransaction(
        () -> {
          users.register(
              new Caller("alice", Optional.of("alice@example.com"), Optional.of("Alice"), Set.of()),
              T0);
          users.register(Caller.of("bob"), T0);
          users.register(Caller.of("carol"), T0);
          return null;
        });
  }

  private TodoList list(String owner, String name, boolean isDefault) {
    return TodoList.create(ListId.random(), owner, ListName.of(name), isDefault, T0);
  }

  private TodoList stored(TodoList list, long position) {
    inTransaction(
        () -> {
          lists.insert(list, position);
          return null;
        });
    return list;
  }

  private void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  private TodoList reread(TodoList list) {
    return inTransaction(() -> lists.findById(list.id())).orElseThrow();
  }

  @Test
  void storesAListWithItsOwnerAsOnlyMember() {
    var groceries = stored(list("alice", "Groceries", false), 1);

    assertThat(reread(groceries)).isEqualTo(groceries);
    assertThat(inTransaction(() -> lists.roleOf(groceries.id(), "alice"))).contains(ListRole.OWNER);
    assertThat(inTransaction(() -> lists.roleOf(groceries.id(), "bob"))).isEmpty();
    assertThat(inTransaction(() -> lists.findById(ListId.random()))).isEmpty();
  }

  @Test
  void findsTheOwnersDefaultList() {
    assertThat(inTransaction(() -> lists.findDefault("alice"))).isEmpty();
    stored(list("alice", "Groceries", false), 1);
    var inbox = stored(list("alice", "Inbox", true), 2);
    stored(list("bob", "Inbox", true), 1);

    assertThat(inTransaction(() -> lists.findDefault("alice"))).contains(inbox);
  }

  @Test
  void aUsersListsComeInTheirOwnOrderWithTheirRole() {
    var b = stored(list("alice", "B", false), 2);
    var a = stored(list("alice", "A", false), 1);
    var shared = stored(list("bob", "Shared", false), 1);
    run(() -> lists.addMember(shared.id(), "alice", ListRole.VIEWER, T0.plusSeconds(5)));

    List<Membership> mine = inTransaction(() -> lists.membershipsOf("alice"));

    assertThat(mine).extracting(m -> m.list().name().value()).containsExactly("A", "B", "Shared");
    assertThat(mine)
        .extracting(Membership::role)
        .containsExactly(ListRole.OWNER, ListRole.OWNER, ListRole.VIEWER);
    assertThat(mine).extracting(Membership::position).containsExactly(1L, 2L, 3L);
    assertThat(inTransaction(() -> lists.nextPosition("alice"))).isEqualTo(4);
    assertThat(inTransaction(() -> lists.nextPosition("carol"))).isEqualTo(1);
    assertThat(a.version()).isEqualTo(1);
    assertThat(b.memberCount()).isEqualTo(1);
  }

  @Test
  void eachMemberOrdersTheirListsForThemself() {
    var first = stored(list("alice", "First", false), 1);
    var second = stored(list("alice", "Second", false), 2);
    run(() -> lists.addMember(first.id(), "bob", ListRole.EDITOR, T0));
    run(() -> lists.addMember(second.id(), "bob", ListRole.EDITOR, T0));

    run(() -> lists.setPosition(first.id(), "bob", 10));

    assertThat(inTransaction(() -> lists.membershipsOf("bob")))
        .extracting(m -> m.list().name().value())
        .containsExactly("Second", "First");
    assertThat(inTransaction(() -> lists.membershipsOf("alice")))
        .extracting(m -> m.list().name().value())
        .containsExactly("First", "Second");
  }

  @Test
  void renamesTheVersionReadAndRefusesAStaleOne() {
    var list = stored(list("alice", "Groceries", false), 1);
    var renamed = list.renamed(ListName.of("Food"), T0.plusSeconds(60));

    run(() -> lists.update(list, renamed));

    assertThat(reread(list)).isEqualTo(renamed);
    assertThatThrownBy(() -> run(() -> lists.update(list, renamed)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void membersComeOwnerFirstThenByWhenTheyWereAddedAndAreCounted() {
    var list = stored(list("alice", "Groceries", false), 1);
    run(() -> lists.addMember(list.id(), "carol", ListRole.VIEWER, T0.plusSeconds(20)));
    run(() -> lists.addMember(list.id(), "bob", ListRole.EDITOR, T0.plusSeconds(10)));

    List<Member> members = inTransaction(() -> lists.members(list.id()));

    assertThat(members).extracting(m -> m.user().id()).containsExactly("alice", "bob", "carol");
    assertThat(members)
        .extracting(Member::role)
        .containsExactly(ListRole.OWNER, ListRole.EDITOR, ListRole.VIEWER);
    assertThat(members.getFirst().user().name()).contains("Alice");
    assertThat(members.getFirst().user().email()).contains("alice@example.com");
    assertThat(members.get(1).addedAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(reread(list).memberCount()).isEqualTo(3);
    assertThat(reread(list).version()).isEqualTo(1);
  }

  @Test
  void changesAndRemovesMembersAndCountsThem() {
    var list = stored(list("alice", "Groceries", false), 1);
    run(() -> lists.addMember(list.id(), "bob", ListRole.VIEWER, T0));

    run(() -> lists.changeRole(list.id(), "bob", ListRole.EDITOR));
    assertThat(inTransaction(() -> lists.roleOf(list.id(), "bob"))).contains(ListRole.EDITOR);

    assertThat(inTransaction(() -> lists.removeMember(list.id(), "bob"))).isTrue();
    assertThat(inTransaction(() -> lists.removeMember(list.id(), "bob"))).isFalse();
    assertThat(inTransaction(() -> lists.roleOf(list.id(), "bob"))).isEmpty();
    assertThat(inTransaction(() -> lists.membershipsOf("bob"))).isEmpty();
    assertThat(reread(list).memberCount()).isEqualTo(1);
  }

  @Test
  void deletingAListTakesItsMembershipsWithIt() {
    var list = stored(list("alice", "Groceries", false), 1);
    var kept = stored(list("alice", "Kept", false), 2);
    run(() -> lists.addMember(list.id(), "bob", ListRole.EDITOR, T0));

    run(() -> lists.delete(list));

    assertThat(inTransaction(() -> lists.findById(list.id()))).isEmpty();
    assertThat(inTransaction(() -> lists.roleOf(list.id(), "bob"))).isEmpty();
    assertThat(inTransaction(() -> lists.membershipsOf("bob"))).isEmpty();
    assertThat(inTransaction(() -> lists.membershipsOf("alice")))
        .extracting(Membership::list)
        .containsExactly(kept);
  }
}
