package dev.todo.domain.port.out;

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
 * The stored to-dos. Called inside a transaction of {@link Transactions}; keeps its derived data
 * (search index, per-owner counters) exact in that same transaction.
 */
public interface TodoRepository {

  Optional<Todo> findById(TodoId id);

  /** Stores a new to-do; its owner must have been registered. */
  void insert(Todo todo);

  /**
   * Stores {@code after} in place of {@code before}, the same to-do as read in this transaction;
   * throws {@link IllegalStateException} when the stored version is not {@code before}'s.
   */
  void update(Todo before, Todo after);

  void delete(Todo todo);

  /**
   * One past the highest position in the owner's list (1 when empty), but never beyond {@link
   * dev.todo.domain.todo.TodoEdit#MAX_POSITION}: once a to-do sits there, a new one shares that
   * position and sorts after it by its later creation time.
   */
  long nextPosition(String owner);

  List<Todo> find(TodoFilter filter, TodoSort sort, SortDirection direction, PageRequest page);

  long count(TodoFilter filter);

  /** Counts of the owner's to-dos; "today" decides overdue (before it) and due today. */
  TodoStats stats(String owner, LocalDate today);

  /**
   * Sets {@code completed} on the owner's to-dos that match {@code status} and differ from it, each
   * one version higher; returns how many changed.
   */
  long setCompleted(String owner, StatusFilter status, boolean completed, Instant now);

  /** Deletes the owner's to-dos that match {@code status}; returns how many. */
  long deleteAll(String owner, StatusFilter status);
}
