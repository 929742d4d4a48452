package dev.todo.domain;

import java.util.Optional;
import java.util.UUID;

/** Reads ids written as canonical UUIDs; anything else (short forms included) is no id. */
public final class CanonicalUuid {

  private static final int LENGTH = 36;

  private CanonicalUuid() {}

  public static Optional<UUID> parse(String text) {
    if (text == null || text.length() != LENGTH) {
      return Optional.empty();
    }
    try {
      var uuid = UUID.fromString(text);
      return uuid.toString().equalsIgnoreCase(text) ? Optional.of(uuid) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
