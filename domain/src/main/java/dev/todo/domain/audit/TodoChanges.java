package dev.todo.domain.audit;

import dev.todo.domain.todo.Todo;
import java.time.LocalDate;
import java.util.Optional;

/** What a change of a to-do records: its action and its changed fields, by their JSON names. */
public final class TodoChanges {

  private TodoChanges() {}

  /** The fields a new to-do was given. */
  public static Changes created(Todo todo) {
    return between(null, todo);
  }

  /**
   * The action of a change from {@code before} to {@code after}: a move when the list changed, else
   * completing or reopening when that changed, else an update.
   */
  public static AuditAction actionOf(Todo before, Todo after) {
    if (!after.listId().equals(before.listId())) {
      return AuditAction.TODO_MOVED;
    }
    if (after.completed() != before.completed()) {
      return after.completed() ? AuditAction.TODO_COMPLETED : AuditAction.TODO_REOPENED;
    }
    return AuditAction.TODO_UPDATED;
  }

  /** Each field that differs between {@code before} (null for a new to-do) and {@code after}. */
  public static Changes between(Todo before, Todo after) {
    boolean created = before == null;
    return Changes.builder()
        .change("list_id", created ? null : before.listId().toString(), after.listId().toString())
        .change("title", created ? null : before.title().value(), after.title().value())
        .redacted("notes", created ? null : notes(before), notes(after))
        .change("completed", created ? Boolean.FALSE : before.completed(), after.completed())
        .change("due_date", created ? null : date(before.dueDate()), date(after.dueDate()))
        .change(
            "priority", created ? null : before.priority().wireName(), after.priority().wireName())
        .change("position", created ? null : before.position(), after.position())
        .build();
  }

  private static String notes(Todo todo) {
    return todo.notes().map(n -> n.value()).orElse(null);
  }

  private static String date(Optional<LocalDate> date) {
    return date.map(LocalDate::toString).orElse(null);
  }
}
