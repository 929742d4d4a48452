package dev.todo.domain.attachment;

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
    if (text == null || text.length() != 36) {
      return Optional.empty();
    }
    try {
      var uuid = UUID.fromString(text);
      return uuid.toString().equalsIgnoreCase(text)
          ? Optional.of(new AttachmentId(uuid))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
