package dev.todo.domain.attachment;

import dev.todo.domain.CanonicalUuid;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The public, unguessable id of an attachment. */
public record AttachmentId(UUID value) {

  public AttachmentId {
    Objects.requireNonNull(value, "value");
  }

  public static AttachmentId random() {
    return new AttachmentId(UUID.randomUUID());
  }

  /** The id written as a canonical UUID, or empty for anything else. */
  public static Optional<AttachmentId> parse(String text) {
    return CanonicalUuid.parse(text).map(AttachmentId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
