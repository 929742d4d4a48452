package dev.todo.domain.port.out;

import dev.todo.domain.list.ListId;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoSort;
import dev.todo.domain.todo.TodoStats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The stored to-dos, each in one list. Called inside a transaction of {@link Transactions}; keeps
 * its derived data (search index, the lists' counters, due counts) exact in that same transaction.
 * Queries name the lists they cover; which lists a caller may read is decided before.
 */
public interface TodoRepository {

  Optional<Todo> findById(TodoId id);

  /** Stores a new to-do in its list, which must exist. */
  void insert(Todo todo);

  /**
   * Stores {@code after} in place of {@code before}, the same to-do as read in this transaction
   * (possibly in another list: a move, with its attachments); throws {@link IllegalStateException}
   * when the stored version is not {@code before}'s.
   */
  void update(Todo before, Todo after);

  /**
   * Moves the to-do, as read in this transaction, to the trash (see {@link TrashRepository}): its
   * row, version, steps and attachments stay, deleted at {@code at} by {@code by}.
   */
  void trash(Todo todo, Instant at, String by);

  /**
   * One past the highest position in the list (1 when empty), but never beyond {@link
   * dev.todo.domain.todo.TodoEdit#MAX_POSITION}: once a to-do sits there, a new one shares that
   * position and sorts after it by its later creation time.
   */
  long nextPosition(ListId list);

  List<Todo> find(TodoFilter filter, TodoSort sort, SortDirection direction, PageRequest page);

  long count(TodoFilter filter);

  /** Counts of the lists' to-dos; "today" decides overdue (before it) and due today. */
  TodoStats stats(List<ListId> lists, LocalDate today);

  /**
   * Sets {@code completed} on the lists' to-dos that match {@code status} and differ from it, each
   * one version higher, completed by {@code by}; returns them as changed.
   */
  List<Todo> setCompleted(
      List<ListId> lists, StatusFilter status, boolean completed, Instant now, String by);

  /** Moves the lists' to-dos that match {@code status} to the trash; returns them. */
  List<Todo> trashAll(List<ListId> lists, StatusFilter status, Instant at, String by);

  /**
   * A page of the list's to-dos (not those in the trash) in creation order, ties by id: the first
   * {@code limit} after {@code after} (from the start without it). Reads a whole list in bounded
   * pages whatever its size.
   */
  List<Todo> findInList(ListId list, Optional<Todo> after, int limit);

  /**
   * Erases a user from the to-dos others keep: wherever {@code user} is the creator, the last
   * completer or the one who trashed a to-do (in the trash too), that reference becomes empty; the
   * rest of the to-do, its version included, stays. Returns how many to-dos changed.
   */
  long forgetUser(String user);
}
