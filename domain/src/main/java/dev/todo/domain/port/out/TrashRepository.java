package dev.todo.domain.port.out;

import dev.todo.domain.list.ListId;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TrashedTodo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The trashed to-dos, which {@link TodoRepository#trash} put there: out of every list, search,
 * counter and statistic, kept with their attachments until restored or deleted for good. Called
 * inside a transaction of {@link Transactions}.
 */
public interface TrashRepository {

  Optional<TrashedTodo> findById(TodoId id);

  /** The lists' trashed to-dos, most recently deleted first. */
  List<TrashedTodo> find(List<ListId> lists, PageRequest page);

  long count(List<ListId> lists);

  /** Every trashed to-do of the lists. */
  List<TrashedTodo> findAll(List<ListId> lists);

  /**
   * Puts {@code restored}, the trashed to-do one version higher, back in its list; throws {@link
   * IllegalStateException} when it is not that to-do's next version or not in the trash.
   */
  void restore(TrashedTodo trashed, Todo restored);

  /** Deletes the trashed to-do for good, with its attachments' rows. */
  void delete(TrashedTodo trashed);

  /** The trashed to-dos deleted before {@code cutoff}, oldest first, at most {@code limit}. */
  List<TrashedTodo> deletedBefore(Instant cutoff, int limit);

  /**
   * A page of the list's trashed to-dos, earliest deleted first, ties by id: the first {@code
   * limit} after {@code after} (from the start without it).
   */
  List<TrashedTodo> findInList(ListId list, Optional<TrashedTodo> after, int limit);
}
