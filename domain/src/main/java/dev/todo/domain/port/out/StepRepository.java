package dev.todo.domain.port.out;

import dev.todo.domain.step.Step;
import dev.todo.domain.step.StepId;
import dev.todo.domain.todo.TodoId;
import java.util.List;
import java.util.Optional;

/**
 * The steps of to-dos. Called inside a transaction of {@link Transactions}; keeps the to-do's
 * {@code stepCount} and {@code stepsCompleted} exact in that same transaction, without changing its
 * version. A step goes with its to-do: deleting the to-do (one, in bulk, or with its list) deletes
 * its steps, and moving it to another list moves them.
 */
public interface StepRepository {

  Optional<Step> findById(StepId id);

  /** The to-do's steps in position order, ties by creation time, then id. */
  List<Step> findByTodo(TodoId todoId);

  /**
   * Where a step added without a position goes: one past the to-do's highest, 1 for its first, at
   * most {@link dev.todo.domain.todo.TodoEdit#MAX_POSITION} (ties then sort by creation time).
   */
  long nextPosition(TodoId todoId);

  /** Stores a new step of an existing to-do and counts it on the to-do. */
  void insert(Step step);

  /** Writes the step's new state over {@code before}, and recounts the to-do's completed steps. */
  void update(Step before, Step after);

  /** Deletes the step, if stored, and uncounts it. */
  void delete(Step step);
}
