package dev.todo.application;

import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListView;
import dev.todo.domain.port.out.SyncFeed;
import dev.todo.domain.step.Step;
import dev.todo.domain.sync.EntityType;
import dev.todo.domain.sync.Removal;
import dev.todo.domain.sync.SyncBound;
import dev.todo.domain.sync.SyncCursor;
import dev.todo.domain.sync.SyncKey;
import dev.todo.domain.sync.SyncKind;
import dev.todo.domain.sync.SyncPage;
import dev.todo.domain.sync.SyncedList;
import dev.todo.domain.sync.Versioned;
import dev.todo.domain.todo.Todo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One page of a sync for one user: from each of their lists the list itself, its to-dos, their
 * steps and its removals, plus the lists the user lost; each stream read after the cursor's key (a
 * list whose content has not changed since is not read at all), all merged in key order and cut at
 * the page size. Removals of what the user can read again are left out: the entity itself is due
 * (it changed after its removal), and a page must not say both.
 */
final class SyncMerge {

  private record Entry(SyncKey key, Object value) {}

  private final SyncFeed feed;
  private final String user;
  private final int limit;
  private final List<Entry> entries = new ArrayList<>();

  SyncMerge(SyncFeed feed, String user, int limit) {
    this.feed = feed;
    this.user = user;
    this.limit = limit;
  }

  SyncPage page(SyncCursor from, long latest, Instant now) {
    var lists = feed.listsOf(user);
    lists.forEach(list -> readList(list, from));
    add(
        feed.removedFor(user, from.removalsBound(SyncKind.REMOVED_FOR_USER), limit + 1),
        removal -> SyncKey.of(removal.seq(), -1, SyncKind.REMOVED_FOR_USER, removal.id()),
        from.after());
    entries.sort((a, b) -> a.key().compareTo(b.key()));
    boolean hasMore = entries.size() > limit;
    var page = hasMore ? entries.subList(0, limit) : entries;
    var next =
        hasMore
            ? new SyncCursor(page.getLast().key(), from.removalsAfter(), now)
            : new SyncCursor(SyncKey.afterAll(latest), latest, now);
    return answer(page, lists, next.encode(), hasMore);
  }

  private void readList(SyncedList synced, SyncCursor from) {
    var membership = synced.membership();
    ListId id = membership.list().id();
    long joined = synced.joined();
    SyncKey after = from.after();
    var listKey = SyncKey.of(synced.seq(), joined, SyncKind.LIST, id.toString());
    if (listKey.compareTo(after) > 0) {
      entries.add(new Entry(listKey, synced));
    }
    SyncBound todos = after.boundFor(SyncKind.TODO, joined);
    if (!todos.excludesAllUpTo(synced.contentSeq())) {
      add(
          feed.todos(id, todos, limit + 1),
          todo -> SyncKey.of(todo.seq(), joined, SyncKind.TODO, todo.entity().id().toString()),
          after);
    }
    SyncBound steps = after.boundFor(SyncKind.STEP, joined);
    if (!steps.excludesAllUpTo(synced.contentSeq())) {
      add(
          feed.steps(id, steps, limit + 1),
          step -> SyncKey.of(step.seq(), joined, SyncKind.STEP, step.entity().id().toString()),
          after);
    }
    SyncBound removals = from.removalsBound(SyncKind.REMOVED_FROM_LIST);
    if (!removals.excludesAllUpTo(synced.contentSeq())) {
      add(
          feed.removedFrom(id, removals, limit + 1),
          removal -> SyncKey.of(removal.seq(), -1, SyncKind.REMOVED_FROM_LIST, removal.id()),
          after);
    }
  }

  private <T> void add(Collection<T> rows, Function<T, SyncKey> key, SyncKey after) {
    for (T row : rows) {
      var entryKey = key.apply(row);
      if (entryKey.compareTo(after) > 0) {
        entries.add(new Entry(entryKey, row));
      }
    }
  }

  private SyncPage answer(List<Entry> page, List<SyncedList> lists, String cursor, boolean more) {
    Set<String> readable =
        lists.stream()
            .map(list -> list.membership().list().id().toString())
            .collect(Collectors.toSet());
    var views = new ArrayList<ListView>();
    var todos = new ArrayList<Todo>();
    var steps = new ArrayList<Step>();
    var removals = new ArrayList<Removal>();
    for (Entry entry : page) {
      switch (entry.value()) {
        case SyncedList list -> views.add(view(list));
        case Versioned<?> versioned when versioned.entity() instanceof Todo todo -> todos.add(todo);
        case Versioned<?> versioned when versioned.entity() instanceof Step step -> steps.add(step);
        case Removal removal -> removals.add(removal);
        default -> throw new IllegalStateException("Unexpected entry " + entry.value());
      }
    }
    return new SyncPage(views, todos, steps, stillRemoved(removals, readable), cursor, more);
  }

  /** The removals of what the user cannot read now, each entity once. */
  private List<Removal> stillRemoved(List<Removal> removals, Set<String> readable) {
    var live = new HashSet<String>();
    for (EntityType type : List.of(EntityType.TODO, EntityType.STEP)) {
      var ids = removals.stream().filter(r -> r.type() == type).map(Removal::id).toList();
      if (!ids.isEmpty()) {
        Map<String, ListId> listsNow = feed.listsOfLive(type, ids);
        listsNow.forEach(
            (id, list) -> {
              if (readable.contains(list.toString())) {
                live.add(id);
              }
            });
      }
    }
    var seen = new HashSet<String>();
    return removals.stream()
        .filter(
            removal ->
                removal.type() == EntityType.LIST
                    ? !readable.contains(removal.id())
                    : !live.contains(removal.id()))
        .filter(removal -> seen.add(removal.type() + ":" + removal.id()))
        .toList();
  }

  private static ListView view(SyncedList synced) {
    var membership = synced.membership();
    return new ListView(
        membership.list(),
        synced.owner(),
        membership.role().wireName(),
        OptionalLong.of(membership.position()));
  }
}
