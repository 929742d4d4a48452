package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static dev.todo.domain.testing.TodoBuilder.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.ListNotFoundException;
import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.port.in.ReadTodosUseCase.GetTodoQuery;
import dev.todo.domain.port.in.ReadTodosUseCase.ListTodosQuery;
import dev.todo.domain.port.in.ReadTodosUseCase.TodoStatsQuery;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.InMemoryTodoRepository;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.testing.TestLists;
import dev.todo.domain.todo.DueView;
import dev.todo.domain.todo.PageRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TodoQueryServiceTest {

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final InMemoryTodoRepository todos = database.todos;
  private final MutableClock clock = new MutableClock(T0);
  private final TodoQueryService service =
      new TodoQueryService(todos, database.lists, database.transactions, clock);

  {
    TestLists.registerWithLists(database.users, database.lists, "alice", "bob");
  }

  @Test
  void readsOnlyWhatTheCallerMaySee() {
    var todo = aTodo().ownedBy("alice").build();
    todos.insert(todo);

    assertThat(service.get(new GetTodoQuery(Caller.of("alice"), todo.id()))).isEqualTo(todo);
    assertThat(service.get(new GetTodoQuery(Caller.of("root", Caller.ADMIN), todo.id())))
        .isEqualTo(todo);
    assertThatThrownBy(() -> service.get(new GetTodoQuery(Caller.of("bob"), todo.id())))
        .isInstanceOf(TodoNotFoundException.class);
  }

  @Test
  void listsAPageWithTheTotal() {
    for (int i = 1; i <= 3; i++) {
      todos.insert(aTodo().titled("t" + i).position(i).build());
    }
    var query = ListTodosQuery.firstPageOf(Caller.of("alice"));
    var secondPageOfTwo =
        new ListTodosQuery(
            query.caller(),
            query.listId(),
            query.owner(),
            query.status(),
            query.text(),
            query.priority(),
            query.dueBefore(),
            query.dueAfter(),
            query.due(),
            query.zone(),
            query.sort(),
            query.direction(),
            new PageRequest(2, 2));

    var page = service.list(secondPageOfTwo);

    assertThat(page.items()).extracting(t -> t.title().value()).containsExactly("t3");
    assertThat(page.totalCount()).isEqualTo(3);
    assertThat(page.totalPages()).isEqualTo(2);
  }

  @Test
  void onlyAnAdminListsAnotherOwner() {
    todos.insert(aTodo().ownedBy("bob").build());
    var bobsAsAlice = withOwner(Caller.of("alice"), "bob");
    var bobsAsAdmin = withOwner(Caller.of("root", Caller.ADMIN), "bob");

    assertThatThrownBy(() -> service.list(bobsAsAlice)).isInstanceOf(ForbiddenException.class);
    assertThat(service.list(bobsAsAdmin).totalCount()).isEqualTo(1);
    assertThat(service.list(withOwner(Caller.of("bob"), "bob")).totalCount()).isEqualTo(1);
  }

  @Test
  void statsUseTheUtcDateAsToday() {
    todos.insert(aTodo().due("2026-01-15").build());
    todos.insert(aTodo().due("2026-01-14").build());
    clock.set(Instant.parse("2026-01-15T23:59:59Z"));

    var stats =
        service.stats(
            new TodoStatsQuery(
                Caller.of("alice"), Optional.empty(), Optional.empty(), ZoneOffset.UTC));

    assertThat(stats.dueToday()).isEqualTo(1);
    assertThat(stats.overdue()).isEqualTo(1);
  }

  @Test
  void todayIsTheDateInTheCallersTimeZone() {
    todos.insert(aTodo().due("2026-01-15").build());
    todos.insert(aTodo().due("2026-01-16").build());
    clock.set(Instant.parse("2026-01-15T12:00:00Z"));
    var kiritimati = ZoneId.of("Pacific/Kiritimati");

    var stats =
        service.stats(
            new TodoStatsQuery(Caller.of("alice"), Optional.empty(), Optional.empty(), kiritimati));
    var dueToday = service.list(withDue(DueView.TODAY, kiritimati));
    var overdue = service.list(withDue(DueView.OVERDUE, kiritimati));
    var upcoming = service.list(withDue(DueView.UPCOMING, ZoneOffset.UTC));

    assertThat(stats.dueToday()).isEqualTo(1);
    assertThat(stats.overdue()).isEqualTo(1);
    assertThat(dueToday.items())
        .extracting(t -> t.dueDate().orElseThrow().toString())
        .containsExactly("2026-01-16");
    assertThat(overdue.totalCount()).isEqualTo(1);
    assertThat(upcoming.items())
        .extracting(t -> t.dueDate().orElseThrow().toString())
        .containsExactly("2026-01-16");
  }

  @Test
  void aListTheCallerCannotReadIsNotFoundAndEveryReadableListIsCovered() {
    todos.insert(aTodo().ownedBy("bob").build());
    todos.insert(aTodo().build());
    database.lists.addMember(listOf("bob"), "alice", ListRole.VIEWER, T0);

    assertThat(service.list(ListTodosQuery.firstPageOf(Caller.of("alice"))).totalCount())
        .isEqualTo(2);
    assertThatThrownBy(
            () ->
                service.list(
                    query(
                        Caller.of("carol"),
                        Optional.of(listOf("bob").toString()),
                        Optional.empty(),
                        ZoneOffset.UTC)))
        .isInstanceOf(ListNotFoundException.class);
  }

  private static ListTodosQuery withDue(DueView due, ZoneId zone) {
    return query(Caller.of("alice"), Optional.empty(), Optional.of(due), zone);
  }

  private static ListTodosQuery query(
      Caller caller, Optional<String> listId, Optional<DueView> due, ZoneId zone) {
    var q = ListTodosQuery.firstPageOf(caller);
    return new ListTodosQuery(
        caller,
        listId,
        q.owner(),
        q.status(),
        q.text(),
        q.priority(),
        q.dueBefore(),
        q.dueAfter(),
        due,
        zone,
        q.sort(),
        q.direction(),
        q.page());
  }

  private static ListTodosQuery withOwner(Caller caller, String owner) {
    var q = ListTodosQuery.firstPageOf(caller);
    return new ListTodosQuery(
        caller,
        Optional.empty(),
        Optional.of(owner),
        q.status(),
        q.text(),
        q.priority(),
        q.dueBefore(),
        q.dueAfter(),
        q.due(),
        q.zone(),
        q.sort(),
        q.direction(),
        q.page());
  }
}
