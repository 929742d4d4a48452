package dev.todo.domain.testing;

import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.Member;
import dev.todo.domain.list.Membership;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.out.ListRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory fake of {@link ListRepository}; members are shown as the user fake knows them. */
public final class InMemoryListRepository
    implements ListRepository, InMemoryTransactions.Participant {

  private record Entry(ListId list, String user, ListRole role, long position, Instant addedAt) {}

  private final InMemoryUserRepository users;
  private final InMemoryTodoRepository todos;
  private final Map<ListId, TodoList> lists = new LinkedHashMap<>();
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  public InMemoryListRepository(InMemoryUserRepository users, InMemoryTodoRepository todos) {
    this.users = users;
    this.todos = todos;
  }

  /** The stored list with the counts of the to-dos in it now. */
  private TodoList counted(TodoList list) {
    var counts = todos.countsOf(list.id());
    return new TodoList(
        list.id(),
        list.owner(),
        list.name(),
        list.isDefault(),
        counts.todos(),
        counts.active(),
        list.memberCount(),
        list.createdAt(),
        list.updatedAt(),
        list.version());
  }

  private static String key(ListId list, String user) {
    return list + "/" + user;
  }

  @Override
  public synchronized Optional<TodoList> findById(ListId id) {
    return Optional.ofNullable(lists.get(id)).map(this::counted);
  }

  @Override
  public synchronized Optional<ListRole> roleOf(ListId list, String user) {
    return Optional.ofNullable(entries.get(key(list, user))).map(Entry::role);
  }

  @Override
  public synchronized Optional<TodoList> findDefault(String owner) {
    return lists.values().stream()
        .filter(list -> list.isDefault() && list.owner().equals(owner))
        .findFirst()
        .map(this::counted);
  }

  @Override
  public synchronized List<Membership> membershipsOf(String user) {
    return entries.values().stream()
        .filter(entry -> entry.user().equals(user))
        .sorted(Comparator.comparingLong(Entry::position).thenComparing(e -> e.list().toString()))
        .map(
            entry ->
                new Membership(counted(lists.get(entry.list())), entry.role(), entry.position()))
        .toList();
  }

  @Override
  public synchronized long nextPosition(String user) {
    return entries.values().stream()
            .filter(entry -> entry.user().equals(user))
            .mapToLong(Entry::position)
            .max()
            .orElse(0)
        + 1;
  }

  @Override
  public synchronized void insert(TodoList list, long position) {
    if (lists.putIfAbsent(list.id(), list) != null) {
      throw new IllegalStateException("Duplicate list " + list.id());
    }
    entries.put(
        key(list.id(), list.owner()),
        new Entry(list.id(), list.owner(), ListRole.OWNER, position, list.createdAt()));
  }

  @Override
  public synchronized void update(TodoList before, TodoList after) {
    var stored = lists.get(before.id());
    if (stored == null || stored.version() != before.version()) {
      throw new IllegalStateException("Stale update of list " + before.id());
    }
    lists.put(after.id(), withMembers(after, stored.memberCount()));
  }

  @Override
  public synchronized void delete(TodoList list) {
    lists.remove(list.id());
    entries.values().removeIf(entry -> entry.list().equals(list.id()));
    todos.deleteList(list.id());
  }

  @Override
  public synchronized void setPosition(ListId list, String user, long position) {
    entries.computeIfPresent(
        key(list, user), (k, e) -> new Entry(e.list(), e.user(), e.role(), position, e.addedAt()));
  }

  @Override
  public synchronized List<Member> members(ListId list) {
    return entries.values().stream()
        .filter(entry -> entry.list().equals(list))
        .sorted(
            Comparator.comparing((Entry e) -> e.role() != ListRole.OWNER)
                .thenComparing(Entry::addedAt)
                .thenComparing(Entry::user))
        .map(
            entry ->
                new Member(
                    users.findById(entry.user()).orElseThrow(), entry.role(), entry.addedAt()))
        .toList();
  }

  @Override
  public synchronized void addMember(ListId list, String user, ListRole role, Instant now) {
    var stored = lists.get(list);
    if (stored == null || users.findById(user).isEmpty()) {
      throw new IllegalStateException("No list " + list + " or no user " + user);
    }
    if (entries.putIfAbsent(key(list, user), new Entry(list, user, role, nextPosition(user), now))
        != null) {
      throw new IllegalStateException(user + " is a member of " + list + " already");
    }
    lists.put(list, withMembers(stored, stored.memberCount() + 1));
  }

  @Override
  public synchronized void changeRole(ListId list, String user, ListRole role) {
    entries.computeIfPresent(
        key(list, user), (k, e) -> new Entry(e.list(), e.user(), role, e.position(), e.addedAt()));
  }

  @Override
  public synchronized boolean removeMember(ListId list, String user) {
    if (entries.remove(key(list, user)) == null) {
      return false;
    }
    var stored = lists.get(list);
    lists.put(list, withMembers(stored, stored.memberCount() - 1));
    return true;
  }

  private static TodoList withMembers(TodoList list, long memberCount) {
    return new TodoList(
        list.id(),
        list.owner(),
        list.name(),
        list.isDefault(),
        list.todoCount(),
        list.activeCount(),
        memberCount,
        list.createdAt(),
        list.updatedAt(),
        list.version());
  }

  /** Every list with its counts now, and every membership: what the sync's fake observes. */
  synchronized Map<ListId, TodoList> allLists() {
    var all = new LinkedHashMap<ListId, TodoList>();
    lists.values().forEach(list -> all.put(list.id(), counted(list)));
    return all;
  }

  /** Each membership as {@code list/user} with its role and position. */
  synchronized Map<String, Membership> allMemberships() {
    var all = new LinkedHashMap<String, Membership>();
    entries.forEach(
        (key, entry) ->
            all.put(
                key,
                new Membership(counted(lists.get(entry.list())), entry.role(), entry.position())));
    return all;
  }

  @Override
  public synchronized Runnable checkpoint() {
    var savedLists = new LinkedHashMap<>(lists);
    var savedEntries = new LinkedHashMap<>(entries);
    return () -> {
      synchronized (this) {
        lists.clear();
        lists.putAll(savedLists);
        entries.clear();
        entries.putAll(savedEntries);
      }
    };
  }
}
