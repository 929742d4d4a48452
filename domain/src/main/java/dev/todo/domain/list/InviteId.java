package dev.todo.domain.list;

import dev.todo.domain.CanonicalUuid;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The public id of an invite link (not its token). */
public record InviteId(UUID value) {

  public InviteId {
    Objects.requireNonNull(value, "value");
  }

  public static InviteId random() {
    return new InviteId(UUID.randomUUID());
  }

  public static Optional<InviteId> parse(String text) {
    return CanonicalUuid.parse(text).map(InviteId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
