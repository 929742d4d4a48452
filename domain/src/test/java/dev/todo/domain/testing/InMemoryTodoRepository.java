package dev.todo.domain.testing;

import dev.todo.domain.list.ListId;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Text;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoSort;
import dev.todo.domain.todo.TodoStats;
import dev.todo.domain.todo.TrashedTodo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** In-memory fake of {@link TodoRepository} with the same filtering and ordering rules. */
public final class InMemoryTodoRepository
    implements TodoRepository, InMemoryTransactions.Participant {

  private final Map<TodoId, Todo> todos = new LinkedHashMap<>();
  private final Map<TodoId, TrashedTodo> trash = new LinkedHashMap<>();

  @Override
  public synchronized Optional<Todo> findById(TodoId id) {
    return Optional.ofNullable(todos.get(id));
  }

  @Override
  public synchronized void insert(Todo todo) {
    if (todos.putIfAbsent(todo.id(), todo) != null) {
      throw new IllegalStateException("Duplicate to-do " + todo.id());
    }
  }

  @Override
  public synchronized void update(Todo before, Todo after) {
    Todo stored = todos.get(before.id());
    if (stored == null || stored.version() != before.version() || !after.id().equals(before.id())) {
      throw new IllegalStateException("Stale update of " + before.id());
    }
    todos.put(after.id(), withCountersOf(stored, after));
  }

  /** An update writes the to-do's own fields; its counters are kept by other writes. */
  private static Todo withCountersOf(Todo stored, Todo after) {
    return after.toBuilder()
        .attachmentCount(stored.attachmentCount())
        .steps(stored.stepCount(), stored.stepsCompleted())
        .build();
  }

  /** Every live to-do (not in the trash). */
  synchronized List<Todo> live() {
    return List.copyOf(todos.values());
  }

  @Override
  public synchronized Runnable checkpoint() {
    var saved = new LinkedHashMap<>(todos);
    var savedTrash = new LinkedHashMap<>(trash);
    return () -> {
      synchronized (this) {
        todos.clear();
        todos.putAll(saved);
        trash.clear();
        trash.putAll(savedTrash);
      }
    };
  }

  /** The to-do's row, in a list or in the trash: what attachments hang on. */
  synchronized Optional<Todo> row(TodoId id) {
    return Optional.ofNullable(todos.get(id))
        .or(() -> Optional.ofNullable(trash.get(id)).map(TrashedTodo::todo));
  }

  /** The trashed to-dos, in the order they went to the trash. */
  synchronized List<TrashedTodo> trashed() {
    return List.copyOf(trash.values());
  }

  synchronized void putBack(TrashedTodo trashed, Todo restored) {
    TrashedTodo stored = trash.get(trashed.id());
    if (stored == null
        || stored.todo().version() + 1 != restored.version()
        || !restored.id().equals(trashed.id())) {
      throw new IllegalStateException("Stale restore of " + trashed.id());
    }
    trash.remove(trashed.id());
    todos.put(restored.id(), restored);
  }

  synchronized void deleteTrashed(TrashedTodo trashed) {
    trash.remove(trashed.id());
  }

  /** What the attachment fake does to a to-do's count: the counter, not the version, changes. */
  synchronized void adjustAttachmentCount(TodoId id, int delta) {
    Todo t = todos.get(id);
    if (t != null) {
      todos.put(id, t.toBuilder().attachmentCount(t.attachmentCount() + delta).build());
      return;
    }
    TrashedTodo inTrash = trash.get(id);
    if (inTrash == null) {
      throw new IllegalStateException("No to-do " + id);
    }
    var adjusted =
        inTrash.todo().toBuilder().attachmentCount(inTrash.todo().attachmentCount() + delta);
    trash.put(id, new TrashedTodo(adjusted.build(), inTrash.deletedAt(), inTrash.deletedBy()));
  }

  /** What the step fake does to a to-do's counters: they change, not the version. */
  synchronized void adjustStepCounts(TodoId id, int count, int completed) {
    Todo t = todos.get(id);
    if (t == null) {
      throw new IllegalStateException("No to-do " + id);
    }
    todos.put(
        id, t.toBuilder().steps(t.stepCount() + count, t.stepsCompleted() + completed).build());
  }

  @Override
  public synchronized void trash(Todo todo, Instant at, String by) {
    Todo stored = todos.remove(todo.id());
    if (stored != null) {
      trash.put(stored.id(), new TrashedTodo(stored, at, Optional.of(by)));
    }
  }

  /** What deleting a list does to its to-dos (and so to their attachments). */
  synchronized void deleteList(ListId list) {
    todos.values().removeIf(t -> t.listId().equals(list));
    trash.values().removeIf(t -> t.todo().listId().equals(list));
  }

  /** A list's counters as the real adapter keeps them. */
  record ListCounts(long todos, long active) {}

  /** The list's counters: its to-dos and the active ones. */
  synchronized ListCounts countsOf(ListId list) {
    var in = inLists(List.of(list)).toList();
    return new ListCounts(in.size(), in.stream().filter(t -> !t.completed()).count());
  }

  @Override
  public synchronized long nextPosition(ListId list) {
    long highest = inLists(List.of(list)).mapToLong(Todo::position).max().orElse(0);
    return Math.min(highest + 1, TodoEdit.MAX_POSITION);
  }

  @Override
  public synchronized List<Todo> find(
      TodoFilter filter, TodoSort sort, SortDirection direction, PageRequest page) {
    return todos.values().stream()
        .filter(matching(filter))
        .sorted(order(sort, direction))
        .skip(page.offset())
        .limit(page.size())
        .toList();
  }

  @Override
  public synchronized long count(TodoFilter filter) {
    return todos.values().stream().filter(matching(filter)).count();
  }

  @Override
  public synchronized TodoStats stats(List<ListId> lists, LocalDate today) {
    var mine = inLists(lists).toList();
    return new TodoStats(
        mine.size(),
        mine.stream().filter(Todo::completed).count(),
        mine.stream().filter(t -> t.isOverdueOn(today)).count(),
        mine.stream()
            .filter(t -> !t.completed() && t.dueDate().filter(today::equals).isPresent())
            .count());
  }

  @Override
  public synchronized List<Todo> setCompleted(
      List<ListId> lists, StatusFilter status, boolean completed, Instant now, String by) {
    var changed =
        inLists(lists)
            .filter(byStatus(status))
            .filter(t -> t.completed() != completed)
            .map(t -> t.withCompleted(completed, now, by))
            .toList();
    changed.forEach(t -> todos.put(t.id(), t));
    return changed;
  }

  @Override
  public synchronized List<Todo> trashAll(
      List<ListId> lists, StatusFilter status, Instant at, String by) {
    var going = inLists(lists).filter(byStatus(status)).toList();
    going.forEach(t -> trash(t, at, by));
    return going;
  }

  @Override
  public synchronized List<Todo> findInList(ListId list, Optional<Todo> after, int limit) {
    Comparator<Todo> created =
        Comparator.comparing(Todo::createdAt).thenComparing(t -> t.id().toString());
    return inLists(List.of(list))
        .filter(t -> after.isEmpty() || created.compare(t, after.get()) > 0)
        .sorted(created)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized long forgetUser(String user) {
    long changed = 0;
    for (var entry : todos.entrySet()) {
      Todo forgotten = withoutUser(entry.getValue(), user);
      if (forgotten != entry.getValue()) {
        entry.setValue(forgotten);
        changed++;
      }
    }
    for (var entry : trash.entrySet()) {
      TrashedTodo t = entry.getValue();
      Todo forgotten = withoutUser(t.todo(), user);
      Optional<String> deletedBy = t.deletedBy().filter(by -> !by.equals(user));
      if (forgotten != t.todo() || !deletedBy.equals(t.deletedBy())) {
        entry.setValue(new TrashedTodo(forgotten, t.deletedAt(), deletedBy));
        changed++;
      }
    }
    return changed;
  }

  private static Todo withoutUser(Todo todo, String user) {
    boolean created = todo.createdBy().filter(user::equals).isPresent();
    boolean completed = todo.completedBy().filter(user::equals).isPresent();
    if (!created && !completed) {
      return todo;
    }
    var builder = todo.toBuilder();
    if (created) {
      builder.createdBy(Optional.empty());
    }
    if (completed) {
      builder.completedBy(Optional.empty());
    }
    return builder.build();
  }

  private java.util.stream.Stream<Todo> inLists(List<ListId> lists) {
    var wanted = Set.copyOf(lists);
    return todos.values().stream().filter(t -> wanted.contains(t.listId()));
  }

  private static Predicate<Todo> matching(TodoFilter filter) {
    var lists = Set.copyOf(filter.lists());
    Predicate<Todo> predicate = t -> lists.contains(t.listId());
    predicate = predicate.and(byStatus(filter.status()));
    if (filter.text().isPresent()) {
      String needle = Text.caseFolded(filter.text().get());
      predicate =
          predicate.and(
              t ->
                  t.title().sortKey().contains(needle)
                      || t.notes().map(n -> n.searchKey().contains(needle)).orElse(false));
    }
    if (filter.priority().isPresent()) {
      predicate = predicate.and(t -> t.priority() == filter.priority().get());
    }
    if (filter.dueBefore().isPresent()) {
      LocalDate bound = filter.dueBefore().get();
      predicate = predicate.and(t -> t.dueDate().filter(d -> !d.isAfter(bound)).isPresent());
    }
    if (filter.dueAfter().isPresent()) {
      LocalDate bound = filter.dueAfter().get();
      predicate = predicate.and(t -> t.dueDate().filter(d -> !d.isBefore(bound)).isPresent());
    }
    return predicate;
  }

  private static Predicate<Todo> byStatus(StatusFilter status) {
    return switch (status) {
      case ALL -> t -> true;
      case ACTIVE -> t -> !t.completed();
      case COMPLETED -> Todo::completed;
    };
  }

  private static Comparator<Todo> order(TodoSort sort, SortDirection direction) {
    Comparator<Todo> key =
        switch (sort) {
          case POSITION -> Comparator.comparingLong(Todo::position);
          case CREATED_AT -> (a, b) -> 0;
          case UPDATED_AT -> Comparator.comparing(Todo::updatedAt);
          case DUE_DATE -> Comparator.comparing(t -> t.dueDate().orElse(LocalDate.MIN));
          case PRIORITY -> Comparator.comparingInt(t -> t.priority().rank());
          case TITLE -> Comparator.comparing(t -> t.title().sortKey());
        };
    Comparator<Todo> withTies =
        key.thenComparing(Todo::createdAt).thenComparing(t -> t.id().toString());
    if (direction == SortDirection.DESC) {
      withTies = withTies.reversed();
    }
    if (sort == TodoSort.DUE_DATE) {
      Comparator<Todo> undatedLast = Comparator.comparing(t -> t.dueDate().isEmpty());
      return undatedLast.thenComparing(withTies);
    }
    return withTies;
  }
}
