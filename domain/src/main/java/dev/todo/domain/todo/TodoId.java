package dev.todo.domain.todo;

import dev.todo.domain.CanonicalUuid;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The public, unguessable id of a to-do. */
public record TodoId(UUID value) {

  public TodoId {
    Objects.requireNonNull(value, "value");
  }

  public static TodoId random() {
    return new TodoId(UUID.randomUUID());
  }

  /**
   * The id written as a canonical UUID, or empty for anything else (a malformed id finds nothing).
   */
  public static Optional<TodoId> parse(String text) {
    return CanonicalUuid.parse(text).map(TodoId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
