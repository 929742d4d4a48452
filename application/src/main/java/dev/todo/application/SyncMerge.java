package dev.todo.application;

import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListView;
import dev.todo.domain.port.out.SyncFeed;
import dev.todo.domain.step.Step;
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
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One page of a sync for one user: from each of their lists the list itself, its to-dos, their
 * steps and its removals, plus the lists the user lost; each stream read after the cursor's key (a
 * list whose content has not changed since is not read at all), all merged in key order and cut at
 * the page size, or before an entity the page names already. So a to-do removed and since come back
 * (restored, moved into another of the user's lists, its list rejoined) is removed in one page and
 * sent again, with its steps as they are now, in a later one: the client drops whatever it held of
 * it (steps deleted meanwhile included) before it takes it afresh.
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
    var page = new ArrayList<Entry>();
    var named = new HashSet<String>();
    boolean hasMore = false;
    for (Entry entry : entries) {
      if (page.size() == limit || !named.add(identity(entry.value()))) {
        hasMore = true;
        break;
      }
      page.add(entry);
    }
    var next =
        hasMore
            ? new SyncCursor(page.getLast().key(), from.removalsAfter(), now)
            : new SyncCursor(SyncKey.afterAll(latest), latest, now);
    return answer(page, next.encode(), hasMore);
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

  /** What an entry is about: a page names each entity once. */
  private static String identity(Object value) {
    return switch (value) {
      case SyncedList list -> "list:" + list.membership().list().id();
      case Versioned<?> versioned when versioned.entity() instanceof Todo todo ->
          "todo:" + todo.id();
      case Versioned<?> versioned when versioned.entity() instanceof Step step ->
          "step:" + step.id();
      case Removal removal -> removal.type().wireName() + ":" + removal.id();
      default -> throw new IllegalStateException("Unexpected entry " + value);
    };
  }

  private static SyncPage answer(List<Entry> page, String cursor, boolean more) {
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
    return new SyncPage(views, todos, steps, removals, cursor, more);
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
