package dev.todo.domain.list;

import dev.todo.domain.CanonicalUuid;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The public, unguessable id of a list. */
public record ListId(UUID value) {

  public ListId {
    Objects.requireNonNull(value, "value");
  }

  public static ListId random() {
    return new ListId(UUID.randomUUID());
  }

  /** The id written as a canonical UUID, or empty for anything else (it finds no list). */
  public static Optional<ListId> parse(String text) {
    return CanonicalUuid.parse(text).map(ListId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
