package dev.todo.domain.todo;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A to-do in the trash: the to-do as it was when deleted (its list, position and version), when and
 * by whom. The user id is empty once that account is gone.
 */
public record TrashedTodo(Todo todo, Instant deletedAt, Optional<String> deletedBy) {

  public TrashedTodo {
    Objects.requireNonNull(todo, "todo");
    Objects.requireNonNull(deletedAt, "deletedAt");
    Objects.requireNonNull(deletedBy, "deletedBy");
    deletedAt = Instant.ofEpochMilli(deletedAt.toEpochMilli());
  }

  public TodoId id() {
    return todo.id();
  }

  /** The to-do back in its list at its old position, one version higher. */
  public Todo restored(Instant now) {
    return todo.nextVersion(now);
  }
}
