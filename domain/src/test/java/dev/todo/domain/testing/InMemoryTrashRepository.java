package dev.todo.domain.testing;

import dev.todo.domain.list.ListId;
import dev.todo.domain.port.out.TrashRepository;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TrashedTodo;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** In-memory fake of {@link TrashRepository}: the trash the to-do fake keeps. */
public final class InMemoryTrashRepository implements TrashRepository {

  private static final Comparator<TrashedTodo> NEWEST_FIRST =
      Comparator.comparing(TrashedTodo::deletedAt).thenComparing(t -> t.id().toString()).reversed();

  private final InMemoryTodoRepository todos;

  public InMemoryTrashRepository(InMemoryTodoRepository todos) {
    this.todos = todos;
  }

  @Override
  public Optional<TrashedTodo> findById(TodoId id) {
    return todos.trashed().stream().filter(t -> t.id().equals(id)).findFirst();
  }

  @Override
  public List<TrashedTodo> find(List<ListId> lists, PageRequest page) {
    return in(lists).sorted(NEWEST_FIRST).skip(page.offset()).limit(page.size()).toList();
  }

  @Override
  public long count(List<ListId> lists) {
    return in(lists).count();
  }

  @Override
  public List<TrashedTodo> findAll(List<ListId> lists) {
    return in(lists).sorted(NEWEST_FIRST).toList();
  }

  @Override
  public void restore(TrashedTodo trashed, Todo restored) {
    todos.putBack(trashed, restored);
  }

  @Override
  public void delete(TrashedTodo trashed) {
    todos.deleteTrashed(trashed);
  }

  @Override
  public List<TrashedTodo> deletedBefore(Instant cutoff, int limit) {
    return todos.trashed().stream()
        .filter(t -> t.deletedAt().isBefore(cutoff))
        .sorted(NEWEST_FIRST.reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public List<TrashedTodo> findInList(ListId list, Optional<TrashedTodo> after, int limit) {
    Comparator<TrashedTodo> earliestFirst = NEWEST_FIRST.reversed();
    return in(List.of(list))
        .filter(t -> after.isEmpty() || earliestFirst.compare(t, after.get()) > 0)
        .sorted(earliestFirst)
        .limit(limit)
        .toList();
  }

  private Stream<TrashedTodo> in(List<ListId> lists) {
    var wanted = Set.copyOf(lists);
    return todos.trashed().stream().filter(t -> wanted.contains(t.todo().listId()));
  }
}
