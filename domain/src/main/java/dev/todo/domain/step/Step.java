package dev.todo.domain.step;

import dev.todo.domain.todo.Title;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One item of a to-do's checklist, in {@code position} order (ties by creation time, then id).
 * Immutable: a change returns a new step with a new {@code updatedAt}, or the same step when it
 * changes nothing. Millisecond times.
 */
public record Step(
    StepId id,
    TodoId todoId,
    Title title,
    boolean completed,
    long position,
    Instant createdAt,
    Instant updatedAt) {

  /** The most steps one to-do has; the next one is refused. */
  public static final int MAX_PER_TODO = 100;

  public Step {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(todoId, "todoId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (!TodoEdit.isValidPosition(position)) {
      throw new IllegalArgumentException("Position out of range");
    }
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
    if (updatedAt.isBefore(createdAt)) {
      throw new IllegalArgumentException("A step cannot be updated before it was created");
    }
  }

  /** A new step of the to-do; {@code nextPosition} when the edit leaves the position out. */
  public static Step create(
      StepId id, TodoId todoId, StepEdit edit, long nextPosition, Instant now) {
    return new Step(
        id,
        todoId,
        edit.title().value(),
        edit.completed().applyTo(false),
        edit.position().applyTo(nextPosition),
        now,
        now);
  }

  /** Applies the edit; the same instance when it changes nothing. */
  public Step apply(StepEdit edit, Instant now) {
    var changed =
        new Step(
            id,
            todoId,
            edit.title().applyTo(title),
            edit.completed().applyTo(completed),
            edit.position().applyTo(position),
            createdAt,
            now.isBefore(createdAt) ? createdAt : now);
    boolean same =
        changed.title.equals(title)
            && changed.completed == completed
            && changed.position == position;
    return same ? this : changed;
  }
}
