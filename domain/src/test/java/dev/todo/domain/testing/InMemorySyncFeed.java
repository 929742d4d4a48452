package dev.todo.domain.testing;

import dev.todo.domain.list.ListId;
import dev.todo.domain.list.Membership;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.out.SyncFeed;
import dev.todo.domain.step.Step;
import dev.todo.domain.sync.EntityType;
import dev.todo.domain.sync.Removal;
import dev.todo.domain.sync.SyncBound;
import dev.todo.domain.sync.SyncedList;
import dev.todo.domain.sync.Versioned;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.user.KnownUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Fake of {@link SyncFeed}, built unlike the real one: instead of numbering each write, it compares
 * what the other fakes hold with what it saw last, whenever it is read, and gives everything that
 * differs the next number (a new or changed list, membership, to-do or step; a to-do or step gone
 * from a list; a list gone for a member). Several writes between two reads share one number, which
 * a sync cannot tell from one write that did it all.
 */
public final class InMemorySyncFeed implements SyncFeed, InMemoryTransactions.Participant {

  private record Seen<T>(T value, long seq) {}

  private record SeenMembership(
      ListId list, String user, Membership membership, long seq, long joined) {}

  private record Removed(ListId list, Removal removal, Instant at) {}

  private final InMemoryListRepository lists;
  private final InMemoryTodoRepository todos;
  private final InMemoryStepRepository steps;
  private final InMemoryUserRepository users;
  private volatile Clock clock = Clock.systemUTC();

  private long latest;
  private long forgottenThrough;
  private final Map<ListId, Seen<Object>> listsSeen = new HashMap<>();
  private final Map<ListId, Long> contentSeqs = new HashMap<>();
  private final Map<String, SeenMembership> membershipsSeen = new HashMap<>();
  private final Map<TodoId, Seen<Todo>> todosSeen = new HashMap<>();
  private final Map<String, Seen<Step>> stepsSeen = new HashMap<>();
  private final Map<String, ListId> stepLists = new HashMap<>();
  private final Map<String, Removed> removedFromLists = new LinkedHashMap<>();
  private final Map<String, Removed> removedForUsers = new LinkedHashMap<>();

  InMemorySyncFeed(
      InMemoryListRepository lists,
      InMemoryTodoRepository todos,
      InMemoryStepRepository steps,
      InMemoryUserRepository users) {
    this.lists = lists;
    this.todos = todos;
    this.steps = steps;
    this.users = users;
  }

  /** The clock that stamps removals (the retention purge compares with it). */
  public void useClock(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized long latest() {
    observe();
    return latest;
  }

  @Override
  public synchronized long forgottenThrough() {
    return forgottenThrough;
  }

  @Override
  public synchronized List<SyncedList> listsOf(String user) {
    observe();
    return membershipsSeen.values().stream()
        .filter(seen -> seen.user().equals(user))
        .map(
            seen ->
                new SyncedList(
                    seen.membership(),
                    owner(seen.membership().list()),
                    Math.max(seen.seq(), listsSeen.get(seen.list()).seq()),
                    seen.joined(),
                    contentSeqs.getOrDefault(seen.list(), 0L)))
        .toList();
  }

  @Override
  public synchronized List<Versioned<Todo>> todos(ListId list, SyncBound after, int limit) {
    observe();
    return page(
        todosSeen.values().stream().filter(seen -> seen.value().listId().equals(list)),
        seen -> seen.value().id().toString(),
        after,
        limit);
  }

  @Override
  public synchronized List<Versioned<Step>> steps(ListId list, SyncBound after, int limit) {
    observe();
    return page(
        stepsSeen.values().stream()
            .filter(seen -> list.equals(stepLists.get(seen.value().id().toString()))),
        seen -> seen.value().id().toString(),
        after,
        limit);
  }

  @Override
  public synchronized List<Removal> removedFrom(ListId list, SyncBound after, int limit) {
    observe();
    return removals(
        removedFromLists.values(), removed -> removed.list().equals(list), after, limit);
  }

  @Override
  public synchronized List<Removal> removedFor(String user, SyncBound after, int limit) {
    observe();
    return removals(
        removedForUsers.entrySet().stream()
            .filter(entry -> entry.getKey().startsWith(user + "/"))
            .map(Map.Entry::getValue)
            .toList(),
        removed -> true,
        after,
        limit);
  }

  @Override
  public synchronized long forgetRemovalsBefore(Instant cutoff) {
    long forgotten = 0;
    for (var removals : List.of(removedFromLists.values(), removedForUsers.values())) {
      var expired = removals.stream().filter(removed -> removed.at().isBefore(cutoff)).toList();
      for (Removed removed : expired) {
        forgottenThrough = Math.max(forgottenThrough, removed.removal().seq());
      }
      forgotten += expired.size();
      removals.removeAll(expired);
    }
    return forgotten;
  }

  @Override
  public synchronized Runnable checkpoint() {
    long savedLatest = latest;
    long savedForgotten = forgottenThrough;
    var saved =
        List.<Map<?, ?>>of(
            listsSeen,
            contentSeqs,
            membershipsSeen,
            todosSeen,
            stepsSeen,
            stepLists,
            removedFromLists,
            removedForUsers);
    var copies = saved.stream().map(map -> (Map<?, ?>) new HashMap<>(map)).toList();
    return () -> {
      synchronized (this) {
        latest = savedLatest;
        forgottenThrough = savedForgotten;
        for (int i = 0; i < saved.size(); i++) {
          restore(saved.get(i), copies.get(i));
        }
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <K, V> void restore(Map<K, V> target, Map<?, ?> copy) {
    target.clear();
    target.putAll((Map<K, V>) copy);
  }

  private static <T> List<Versioned<T>> page(
      Stream<Seen<T>> rows,
      java.util.function.Function<Seen<T>, String> id,
      SyncBound after,
      int limit) {
    return rows.filter(seen -> after.admits(seen.seq(), id.apply(seen)))
        .sorted(Comparator.comparingLong((Seen<T> seen) -> seen.seq()).thenComparing(id))
        .limit(limit)
        .map(seen -> new Versioned<>(seen.value(), seen.seq()))
        .toList();
  }

  private static List<Removal> removals(
      Collection<Removed> rows, Predicate<Removed> which, SyncBound after, int limit) {
    return rows.stream()
        .filter(which)
        .map(Removed::removal)
        .filter(removal -> after.admits(removal.seq(), removal.id()))
        .sorted(Comparator.comparingLong(Removal::seq).thenComparing(Removal::id))
        .limit(limit)
        .toList();
  }

  private KnownUser owner(TodoList list) {
    return users.findById(list.owner()).orElseThrow();
  }

  /** Numbers whatever changed since the last look with the next number. */
  private void observe() {
    long next = latest + 1;
    var changed = new Changes(next);
    var listsNow = lists.allLists();
    var membershipsNow = lists.allMemberships();
    var todosNow = new HashMap<TodoId, Todo>();
    todos.live().forEach(todo -> todosNow.put(todo.id(), todo));
    observeLists(listsNow, changed);
    observeMemberships(membershipsNow, changed);
    var arrived = observeTodos(todosNow, changed);
    observeSteps(todosNow, arrived, changed);
    forgetDeletedLists(listsNow);
    if (changed.any) {
      latest = next;
    }
  }

  private final class Changes {
    final long seq;
    boolean any;

    Changes(long seq) {
      this.seq = seq;
    }

    void touched(ListId contentOf) {
      any = true;
      if (contentOf != null) {
        contentSeqs.put(contentOf, seq);
      }
    }
  }

  private void observeLists(Map<ListId, TodoList> now, Changes changed) {
    now.forEach(
        (id, list) -> {
          Object fingerprint = List.of(list, owner(list));
          var seen = listsSeen.get(id);
          if (seen == null || !seen.value().equals(fingerprint)) {
            listsSeen.put(id, new Seen<>(fingerprint, changed.seq));
            changed.touched(null);
          }
        });
  }

  private void observeMemberships(Map<String, Membership> now, Changes changed) {
    now.forEach(
        (key, membership) -> {
          var seen = membershipsSeen.get(key);
          String user = key.substring(key.indexOf('/') + 1);
          ListId list = membership.list().id();
          if (seen == null) {
            membershipsSeen.put(
                key, new SeenMembership(list, user, membership, changed.seq, changed.seq));
            removedForUsers.remove(user + "/" + list);
            changed.touched(null);
          } else if (seen.membership().role() != membership.role()
              || seen.membership().position() != membership.position()) {
            membershipsSeen.put(
                key, new SeenMembership(list, user, membership, changed.seq, seen.joined()));
            changed.touched(null);
          } else {
            membershipsSeen.put(
                key, new SeenMembership(list, user, membership, seen.seq(), seen.joined()));
          }
        });
    for (var key : new ArrayList<>(membershipsSeen.keySet())) {
      if (!now.containsKey(key)) {
        var gone = membershipsSeen.remove(key);
        removedForUsers.put(
            gone.user() + "/" + gone.list(),
            new Removed(
                gone.list(),
                new Removal(EntityType.LIST, gone.list().toString(), changed.seq),
                clock.instant()));
        changed.touched(null);
      }
    }
  }

  /** Returns the to-dos that came into a list (new, restored, moved): their steps come too. */
  private Set<TodoId> observeTodos(Map<TodoId, Todo> now, Changes changed) {
    var arrived = new HashSet<TodoId>();
    now.forEach(
        (id, todo) -> {
          var seen = todosSeen.get(id);
          if (seen != null && seen.value().equals(todo)) {
            return;
          }
          if (seen == null || !seen.value().listId().equals(todo.listId())) {
            arrived.add(id);
          }
          if (seen != null && !seen.value().listId().equals(todo.listId())) {
            removedFrom(seen.value().listId(), EntityType.TODO, id.toString(), changed);
          }
          todosSeen.put(id, new Seen<>(todo, changed.seq));
          changed.touched(todo.listId());
        });
    for (var id : new ArrayList<>(todosSeen.keySet())) {
      if (!now.containsKey(id)) {
        var gone = todosSeen.remove(id);
        removedFrom(gone.value().listId(), EntityType.TODO, id.toString(), changed);
      }
    }
    return arrived;
  }

  private void observeSteps(Map<TodoId, Todo> todosNow, Set<TodoId> arrived, Changes changed) {
    var now = new HashMap<String, Step>();
    steps.all().stream()
        .filter(step -> todosNow.containsKey(step.todoId()))
        .forEach(step -> now.put(step.id().toString(), step));
    now.forEach(
        (id, step) -> {
          ListId list = todosNow.get(step.todoId()).listId();
          var seen = stepsSeen.get(id);
          if (seen == null || !seen.value().equals(step) || arrived.contains(step.todoId())) {
            stepsSeen.put(id, new Seen<>(step, changed.seq));
            stepLists.put(id, list);
            changed.touched(list);
          }
        });
    for (var id : new ArrayList<>(stepsSeen.keySet())) {
      if (!now.containsKey(id)) {
        var gone = stepsSeen.remove(id);
        ListId list = stepLists.remove(id);
        if (todosNow.containsKey(gone.value().todoId())) {
          removedFrom(list, EntityType.STEP, id, changed);
        }
      }
    }
  }

  private void forgetDeletedLists(Map<ListId, TodoList> listsNow) {
    listsSeen.keySet().removeIf(id -> !listsNow.containsKey(id));
    contentSeqs.keySet().removeIf(id -> !listsNow.containsKey(id));
    removedFromLists.values().removeIf(removed -> !listsNow.containsKey(removed.list()));
  }

  private void removedFrom(ListId list, EntityType type, String id, Changes changed) {
    removedFromLists.put(
        list + "/" + id, new Removed(list, new Removal(type, id, changed.seq), clock.instant()));
    changed.touched(list);
  }
}
