package dev.todo.domain.todo;

import dev.todo.domain.list.ListId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Builds a {@link Todo} from its fields, such as a stored row ({@link Todo#builder}), or a copy
 * changed field by field ({@link Todo#toBuilder}); unset optional fields are empty, and {@link
 * #build} checks the invariants.
 */
public final class TodoFields {
  private TodoId id;
  private ListId listId;
  private Optional<String> createdBy = Optional.empty();
  private Title title;
  private Optional<Notes> notes = Optional.empty();
  private boolean completed;
  private Optional<Instant> completedAt = Optional.empty();
  private Optional<String> completedBy = Optional.empty();
  private Optional<LocalDate> dueDate = Optional.empty();
  private Priority priority = Priority.NONE;
  private long position;
  private int attachmentCount;
  private int stepCount;
  private int stepsCompleted;
  private Instant createdAt;
  private Instant updatedAt;
  private long version;

  TodoFields() {}

  public TodoFields id(TodoId value) {
    id = value;
    return this;
  }

  public TodoFields listId(ListId value) {
    listId = value;
    return this;
  }

  public TodoFields createdBy(Optional<String> value) {
    createdBy = value;
    return this;
  }

  public TodoFields title(Title value) {
    title = value;
    return this;
  }

  public TodoFields notes(Optional<Notes> value) {
    notes = value;
    return this;
  }

  /** Completion and its time go together: the time is present exactly while completed. */
  public TodoFields completed(boolean value, Optional<Instant> at) {
    completed = value;
    completedAt = at;
    return this;
  }

  public TodoFields completedBy(Optional<String> value) {
    completedBy = value;
    return this;
  }

  public TodoFields dueDate(Optional<LocalDate> value) {
    dueDate = value;
    return this;
  }

  public TodoFields priority(Priority value) {
    priority = value;
    return this;
  }

  public TodoFields position(long value) {
    position = value;
    return this;
  }

  public TodoFields attachmentCount(int value) {
    attachmentCount = value;
    return this;
  }

  /** The step counters go together: how many steps, and how many of them are completed. */
  public TodoFields steps(int count, int completed) {
    stepCount = count;
    stepsCompleted = completed;
    return this;
  }

  public TodoFields createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  public TodoFields updatedAt(Instant value) {
    updatedAt = value;
    return this;
  }

  public TodoFields version(long value) {
    version = value;
    return this;
  }

  public Todo build() {
    return new Todo(
        id,
        listId,
        createdBy,
        title,
        notes,
        completed,
        completedAt,
        completedBy,
        dueDate,
        priority,
        position,
        attachmentCount,
        stepCount,
        stepsCompleted,
        createdAt,
        updatedAt,
        version);
  }
}
