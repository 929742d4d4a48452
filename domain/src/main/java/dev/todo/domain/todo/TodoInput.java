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
    Field<Long> position) {

  public TodoInput {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(completed, "completed");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(position, "position");
  }

  public static TodoInput empty() {
    return new TodoInput(
        Field.absent(),
        Field.absent(),
        Field.absent(),
        Field.absent(),
        Field.absent(),
        Field.absent());
  }

  public TodoInput withTitle(Field<String> value) {
    return new TodoInput(value, notes, completed, dueDate, priority, position);
  }

  public TodoInput withNotes(Field<String> value) {
    return new TodoInput(title, value, completed, dueDate, priority, position);
  }

  public TodoInput withCompleted(Field<Boolean> value) {
    return new TodoInput(title, notes, value, dueDate, priority, position);
  }

  public TodoInput withDueDate(Field<String> value) {
    return new TodoInput(title, notes, completed, value, priority, position);
  }

  public TodoInput withPriority(Field<String> value) {
    return new TodoInput(title, notes, completed, dueDate, value, position);
  }

  public TodoInput withPosition(Field<Long> value) {
    return new TodoInput(title, notes, completed, dueDate, priority, value);
  }
}
