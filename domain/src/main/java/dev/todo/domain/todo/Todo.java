package dev.todo.domain.todo;

import dev.todo.domain.list.ListId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A to-do in one list. Immutable: a change returns a new version (one higher, new {@code
 * updatedAt}), or the same to-do when it changes nothing. {@code completedAt}/{@code completedBy}
 * exist only while completed; the user ids are empty once that account is gone. Millisecond times.
 */
public record Todo(
    TodoId id,
    ListId listId,
    Optional<String> createdBy,
    Title title,
    Optional<Notes> notes,
    boolean completed,
    Optional<Instant> completedAt,
    Optional<String> completedBy,
    Optional<LocalDate> dueDate,
    Priority priority,
    long position,
    int attachmentCount,
    int stepCount,
    int stepsCompleted,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Todo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(listId, "listId");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(completedAt, "completedAt");
    Objects.requireNonNull(completedBy, "completedBy");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (completed != completedAt.isPresent()) {
      throw new IllegalArgumentException("completedAt is set exactly while the to-do is completed");
    }
    if (!completed && completedBy.isPresent()) {
      throw new IllegalArgumentException("An active to-do has no completedBy");
    }
    if (version < 1) {
      throw new IllegalArgumentException("Versions start at 1");
    }
    if (attachmentCount < 0) {
      throw new IllegalArgumentException("The attachment count cannot be negative");
    }
    if (stepsCompleted < 0 || stepsCompleted > stepCount) {
      throw new IllegalArgumentException("Completed steps are between none and all of the steps");
    }
    if (!TodoEdit.isValidPosition(position)) {
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
   * A new to-do in {@code list}, created by {@code by}; {@code nextPosition} is used when the edit
   * leaves the position to the server (last in the list).
   */
  public static Todo create(
      TodoId id, ListId list, String by, TodoEdit edit, long nextPosition, Instant now) {
    boolean completed = edit.completed().applyTo(false);
    return builder()
        .id(id)
        .listId(list)
        .createdBy(Optional.of(by))
        .title(edit.title().value())
        .notes(Optional.ofNullable(edit.notes().value()))
        .completed(completed, completed ? Optional.of(now) : Optional.empty())
        .completedBy(completed ? Optional.of(by) : Optional.empty())
        .dueDate(Optional.ofNullable(edit.dueDate().value()))
        .priority(edit.priority().applyTo(Priority.NONE))
        .position(edit.position().applyTo(nextPosition))
        .createdAt(now)
        .updatedAt(now)
        .version(1)
        .build();
  }

  /** Applies the edit made by {@code by}; the same instance when it changes nothing. */
  public Todo apply(TodoEdit edit, Instant now, String by) {
    boolean nowCompleted = edit.completed().applyTo(completed);
    var changed =
        toBuilder()
            .listId(edit.list().applyTo(listId))
            .title(edit.title().applyTo(title))
            .notes(edit.notes().present() ? Optional.ofNullable(edit.notes().value()) : notes)
            .completed(nowCompleted, completionTime(nowCompleted, now))
            .completedBy(completer(nowCompleted, by))
            .dueDate(
                edit.dueDate().present() ? Optional.ofNullable(edit.dueDate().value()) : dueDate)
            .priority(edit.priority().applyTo(priority))
            .position(edit.position().applyTo(position))
            .build();
    return changed.sameContentAs(this) ? this : changed.nextVersion(now);
  }

  /** Marks the to-do completed or active by {@code by}; the same instance when it already is. */
  public Todo withCompleted(boolean value, Instant now, String by) {
    if (value == completed) {
      return this;
    }
    return toBuilder()
        .completed(value, completionTime(value, now))
        .completedBy(completer(value, by))
        .build()
        .nextVersion(now);
  }

  /** Whether the to-do is in another list than {@code before} was. */
  public boolean movedFrom(Todo before) {
    return !listId.equals(before.listId);
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

  private Optional<String> completer(boolean nowCompleted, String by) {
    if (!nowCompleted) {
      return Optional.empty();
    }
    return completed ? completedBy : Optional.of(by);
  }

  /** The same content, one version higher, changed at {@code now}. */
  public Todo nextVersion(Instant now) {
    return toBuilder()
        .updatedAt(now.isBefore(createdAt) ? createdAt : now)
        .version(version + 1)
        .build();
  }

  private boolean sameContentAs(Todo other) {
    return listId.equals(other.listId)
        && title.equals(other.title)
        && notes.equals(other.notes)
        && completed == other.completed
        && dueDate.equals(other.dueDate)
        && priority == other.priority
        && position == other.position;
  }

  private static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  public static TodoFields builder() {
    return new TodoFields();
  }

  /** A copy to change field by field; {@link TodoFields#build} checks the invariants. */
  public TodoFields toBuilder() {
    return new TodoFields()
        .id(id)
        .listId(listId)
        .createdBy(createdBy)
        .title(title)
        .notes(notes)
        .completed(completed, completedAt)
        .completedBy(completedBy)
        .dueDate(dueDate)
        .priority(priority)
        .position(position)
        .attachmentCount(attachmentCount)
        .steps(stepCount, stepsCompleted)
        .createdAt(createdAt)
        .updatedAt(updatedAt)
        .version(version);
  }
}
