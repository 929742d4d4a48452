package dev.todo.domain.todo;

import java.util.Objects;

/**
 * The editable fields of a to-do as the caller sent them, typed but not yet validated: the domain
 * decides per operation (create, replace, merge-patch) what absence and {@code null} mean.
 */
public record TodoInput(
    Field<String> title,
    Field<String> notes,
    Field<Boolean> completed,
    Field<String> dueDate,
    Field<String> priority,
    Field<Long> position,
    Field<String> listId) {

  public TodoInput {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(completed, "completed");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(listId, "listId");
  }

  public static TodoInput empty() {
    return new TodoInput(
        Field.absent(),
        Field.absent(),
        Field.absent(),
        Field.absent(),
        Field.absent(),
        Field.absent(),
        Field.absent());
  }

  public TodoInput withTitle(Field<String> value) {
    return new TodoInput(value, notes, completed, dueDate, priority, position, listId);
  }

  public TodoInput withNotes(Field<String> value) {
    return new TodoInput(title, value, completed, dueDate, priority, position, listId);
  }

  public TodoInput withCompleted(Field<Boolean> value) {
    return new TodoInput(title, notes, value, dueDate, priority, position, listId);
  }

  public TodoInput withDueDate(Field<String> value) {
    return new TodoInput(title, notes, completed, value, priority, position, listId);
  }

  public TodoInput withPriority(Field<String> value) {
    return new TodoInput(title, notes, completed, dueDate, value, position, listId);
  }

  public TodoInput withPosition(Field<Long> value) {
    return new TodoInput(title, notes, completed, dueDate, priority, value, listId);
  }

  /** The list the caller names: where a new to-do goes, or where an existing one moves. */
  public TodoInput withListId(Field<String> value) {
    return new TodoInput(title, notes, completed, dueDate, priority, position, value);
  }
}
