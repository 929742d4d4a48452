package dev.todo.domain.testing;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.AuditEntry;
import dev.todo.domain.audit.AuditEvent;
import dev.todo.domain.audit.AuditEventId;
import dev.todo.domain.audit.AuditQuery;
import dev.todo.domain.audit.Changes;
import dev.todo.domain.audit.MemberChanges;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.port.out.AuditLog;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.todo.TodoId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditLog} promises: events read back as written, newest first, filtered and
 * paged before an event, their actors as the users are known now. Run against the fake and SQLite.
 */
public abstract class AuditLogContract {

  private static final ListId GROCERIES = ListId.random();
  private static final ListId WORK = ListId.random();

  protected AuditLog log;
  protected UserRepository users;

  protected abstract void createRepositories();

  protected abstract <T> T inTransaction(Supplier<T> work);

  @BeforeEach
  void setUp() {
    createRepositories();
    inTransaction(
        () -> {
          users.register(
              new Caller("bob", Optional.of("bob@example.com"), Optional.of("Bob"), Set.of()), T0);
          return null;
        });
  }

  private AuditEvent event(
      String actor, AuditAction action, ListId list, long secondsAfterT0, Changes changes) {
    return new AuditEvent(
        AuditEventId.random(),
        T0.plusSeconds(secondsAfterT0),
        Optional.ofNullable(actor),
        action,
        Optional.ofNullable(list),
        Optional.of(TodoId.random()),
        Optional.of("req-" + secondsAfterT0),
        changes);
  }

  private void append(AuditEvent... events) {
    inTransaction(
        () -> {
          for (AuditEvent event : events) {
            log.append(event);
          }
          return null;
        });
  }

  private List<AuditEvent> find(AuditQuery query) {
    return inTransaction(() -> log.find(query)).stream().map(AuditEntry::event).toList();
  }

  private static AuditQuery all(int limit) {
    return query(Optional.empty(), Optional.empty(), Optional.empty(), limit);
  }

  private static AuditQuery query(
      Optional<String> actor, Optional<AuditAction> action, Optional<AuditEventId> before, int n) {
    return new AuditQuery(
        Optional.empty(), actor, action, Optional.empty(), Optional.empty(), before, n);
  }

  @Test
  void readsEventsBackAsWrittenNewestFirst() {
    var changes =
        Changes.builder()
            .change("title", "Milk", "Oat milk")
            .change("completed", false, true)
            .change("due_date", null, "2026-02-01")
            .change("position", 3L, 4L)
            .redacted("notes", "a", "b")
            .build();
    var first = event("bob", AuditAction.TODO_UPDATED, GROCERIES, 1, changes);
    var second = event(null, AuditAction.ADMIN_PURGE, null, 2, Changes.none());
    append(first, second);

    assertThat(find(all(10))).containsExactly(second, first);
    assertThat(find(all(10)).getLast().changes().fields())
        .containsEntry("position", List.of(3L, 4L))
        .containsEntry("notes", List.of(Changes.REDACTED))
        .containsKeys("title", "completed", "due_date");
  }

  @Test
  void anActorIsShownAsTheUserIsKnownNowAndNobodyWithoutOne() {
    append(
        event("bob", AuditAction.LIST_CREATED, GROCERIES, 1, Changes.none()),
        event("carol", AuditAction.LIST_CREATED, WORK, 2, Changes.none()),
        event(null, AuditAction.ADMIN_PURGE, null, 3, Changes.none()));

    var actors = inTransaction(() -> log.find(all(10))).stream().map(AuditEntry::actor).toList();

    assertThat(actors)
        .containsExactly(
            AuditEntry.Actor.NOBODY,
            new AuditEntry.Actor(Optional.of("carol"), Optional.empty(), Optional.empty()),
            new AuditEntry.Actor(
                Optional.of("bob"), Optional.of("Bob"), Optional.of("bob@example.com")));
  }

  @Test
  void filtersByListActorActionAndTime() {
    var a = event("bob", AuditAction.TODO_CREATED, GROCERIES, 1, Changes.none());
    var b = event("bob", AuditAction.TODO_COMPLETED, WORK, 2, Changes.none());
    var c = event("carol", AuditAction.TODO_CREATED, GROCERIES, 3, Changes.none());
    append(a, b, c);

    assertThat(find(AuditQuery.ofList(GROCERIES, Optional.empty(), 10))).containsExactly(c, a);
    assertThat(find(query(Optional.of("bob"), Optional.empty(), Optional.empty(), 10)))
        .containsExactly(b, a);
    assertThat(
            find(
                query(
                    Optional.empty(), Optional.of(AuditAction.TODO_CREATED), Optional.empty(), 10)))
        .containsExactly(c, a);
    assertThat(
            find(
                new AuditQuery(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(T0.plusSeconds(2)),
                    Optional.of(T0.plusSeconds(3)),
                    Optional.empty(),
                    10)))
        .containsExactly(c, b);
  }

  @Test
  void pagesContinueBeforeTheLastEventOfThePreviousPage() {
    var events = new AuditEvent[5];
    for (int i = 0; i < events.length; i++) {
      events[i] = event("bob", AuditAction.TODO_UPDATED, GROCERIES, i, Changes.none());
    }
    append(events);

    var page1 = find(AuditQuery.ofList(GROCERIES, Optional.empty(), 2));
    var page2 = find(AuditQuery.ofList(GROCERIES, Optional.of(page1.getLast().id()), 2));
    var page3 = find(AuditQuery.ofList(GROCERIES, Optional.of(page2.getLast().id()), 2));

    assertThat(page1).containsExactly(events[4], events[3]);
    assertThat(page2).containsExactly(events[2], events[1]);
    assertThat(page3).containsExactly(events[0]);
    assertThat(inTransaction(() -> log.contains(events[0].id()))).isTrue();
    assertThat(inTransaction(() -> log.contains(AuditEventId.random()))).isFalse();
  }

  @Test
  void eventsAtTheSameMillisecondKeepTheirOrder() {
    var first = event("bob", AuditAction.TODO_CREATED, GROCERIES, 1, Changes.none());
    var second = event("bob", AuditAction.TODO_UPDATED, GROCERIES, 1, Changes.none());
    append(first, second);

    assertThat(find(all(10))).containsExactly(second, first);
    assertThat(find(query(Optional.empty(), Optional.empty(), Optional.of(second.id()), 10)))
        .containsExactly(first);
  }

  @Test
  void deletesWhatIsOlderThanTheCutoff() {
    var old = event("bob", AuditAction.TODO_CREATED, GROCERIES, 1, Changes.none());
    var recent = event("bob", AuditAction.TODO_CREATED, GROCERIES, 10, Changes.none());
    append(old, recent);

    long deleted = inTransaction(() -> log.deleteBefore(Instant.from(T0.plusSeconds(10))));

    assertThat(deleted).isEqualTo(1);
    assertThat(find(all(10))).containsExactly(recent);
  }

  @Test
  void forgettingAUserKeepsTheirEventsByNobodyAndNamingNoOne() {
    var bobs = event("bob", AuditAction.TODO_CREATED, GROCERIES, 1, Changes.none());
    var carols = event("carol", AuditAction.TODO_CREATED, GROCERIES, 2, Changes.none());
    var bobAdded =
        event(
            "carol",
            AuditAction.MEMBER_ADDED,
            GROCERIES,
            3,
            MemberChanges.of("bob", Optional.empty(), Optional.of(ListRole.EDITOR)));
    var daveChanged =
        event(
            "carol",
            AuditAction.MEMBER_CHANGED,
            GROCERIES,
            4,
            MemberChanges.of("dave", Optional.of(ListRole.VIEWER), Optional.of(ListRole.EDITOR)));
    append(bobs, carols, bobAdded, daveChanged);

    inTransaction(
        () -> {
          log.forgetUser("bob");
          return null;
        });

    var events = find(all(10));
    assertThat(events.get(1).actor()).contains("carol");
    assertThat(events.get(1).changes().fields())
        .containsEntry(MemberChanges.USER_ID, Arrays.asList(null, null))
        .containsEntry("role", Arrays.asList(null, "editor"));
    assertThat(events.getFirst().changes()).isEqualTo(daveChanged.changes());
    var entries = inTransaction(() -> log.find(all(10))).subList(2, 4);
    assertThat(entries).extracting(e -> e.event().id()).containsExactly(carols.id(), bobs.id());
    assertThat(entries.getLast().event().actor()).isEmpty();
    assertThat(entries.getLast().actor()).isEqualTo(AuditEntry.Actor.NOBODY);
    assertThat(entries.getFirst().event().actor()).contains("carol");
    assertThat(find(query(Optional.of("bob"), Optional.empty(), Optional.empty(), 10))).isEmpty();
  }
}
