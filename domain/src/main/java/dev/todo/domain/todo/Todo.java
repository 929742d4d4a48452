package dev.todo.domain.todo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A to-do of one owner. Immutable: every change returns a new version, one higher, with a new
 * {@code updatedAt}; a change that changes nothing returns the same to-do. {@code completedAt} is
 * present exactly while the to-do is completed. Times are kept to the millisecond.
 */
public record Todo(
    TodoId id,
    String owner,
    Title title,
    Optional<Notes> notes,
    boolean completed,
    Optional<Instant> completedAt,
    Optional<LocalDate> dueDate,
    Priority priority,
    long position,
    int attachmentCount,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Todo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(completedAt, "completedAt");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (owner.isBlank()) {
      throw new IllegalArgumentException("A to-do needs an owner");
    }
    if (completed != completedAt.isPresent()) {
      throw new IllegalArgumentException("completedAt is set exactly while the to-do is completed");
    }
    if (version < 1) {
      throw new IllegalArgumentException("Versions start at 1");
    }
    if (attachmentCount < 0) {
      throw new IllegalArgumentException("The attachment count cannot be negative");
    }
    if (Math.abs(position) > TodoEdit.MAX_POSITION) {
      throw new IllegalArgumentException("Position out of range");
    }
    createdAt = millis(createdAt);
    updatedAt = millis(updatedAt);
    completedAt = completedAt.map(Todo::millis);
    if (updatedAt.isBefore(createdAt)) {
      throw new IllegalArgumentException("A to-do cannot be updated before it was created");
    }
  }

  /**
   * A new to-do from a creation edit; {@code nextPosition} is used when the edit leaves the
   * position to the server (last in the owner's list).
   */
  public static Todo create(
      TodoId id, String owner, TodoEdit edit, long nextPosition, Instant now) {
    boolean completed = edit.completed().applyTo(false);
    return new Todo(
        id,
        owner,
        edit.title().value(),
        Optional.ofNullable(edit.notes().value()),
        completed,
        completed ? Optional.of(now) : Optional.empty(),
        Optional.ofNullable(edit.dueDate().value()),
        edit.priority().applyTo(Priority.NONE),
        edit.position().applyTo(nextPosition),
        0,
        now,
        now,
        1);
  }

  /** Applies the edit; the same instance when it changes nothing. */
  public Todo apply(TodoEdit edit, Instant now) {
    boolean nowCompleted = edit.completed().applyTo(completed);
    var changed =
        new Todo(
            id,
            owner,
            edit.title().applyTo(title),
            edit.notes().present() ? Optional.ofNullable(edit.notes().value()) : notes,
            nowCompleted,
            completionTime(nowCompleted, now),
            edit.dueDate().present() ? Optional.ofNullable(edit.dueDate().value()) : dueDate,
            edit.priority().applyTo(priority),
            edit.position().applyTo(position),
            attachmentCount,
            createdAt,
            updatedAt,
            version);
    return changed.sameContentAs(this) ? this : changed.nextVersion(now);
  }

  /** Marks the to-do completed or active; the same instance when it already is. */
  public Todo withCompleted(boolean value, Instant now) {
    if (value == completed) {
      return this;
    }
    return new Todo(
            id,
            owner,
            title,
            notes,
            value,
            completionTime(value, now),
            dueDate,
            priority,
            position,
            attachmentCount,
            createdAt,
            updatedAt,
            version)
        .nextVersion(now);
  }

  /** Whether the to-do counts as overdue on {@code today}: active and due before it. */
  public boolean isOverdueOn(LocalDate today) {
    return !completed && dueDate.map(due -> due.isBefore(today)).orElse(false);
  }

  private Optional<Instant> completionTime(boolean nowCompleted, Instant now) {
    if (!nowCompleted) {
      return Optional.empty();
    }
    return completed ? completedAt : Optional.of(now);
  }

  private Todo nextVersion(Instant now) {
    Instant updated = now.isBefore(createdAt) ? createdAt : now;
    return new Todo(
        id,
        owner,
        title,
        notes,
        completed,
        completedAt,
        dueDate,
        priority,
        position,
        attachmentCount,
        createdAt,
        updated,
        version + 1);
  }

  private boolean sameContentAs(Todo other) {
    return title.equals(other.title)
        && notes.equals(other.notes)
        && completed == other.completed
        && dueDate.equals(other.dueDate)
        && priority == other.priority
        && position == other.position;
  }

  private static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
