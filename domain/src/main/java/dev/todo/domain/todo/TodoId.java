package dev.todo.domain.todo;

import dev.todo.domain.CanonicalUuid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
   * The id of the to-do that {@code subject} creates under {@code key}: the same for every retry of
   * that create, different for every other caller or key, and as hard to guess as the key (a UUID
   * in version 8's layout, from SHA-256 of both).
   */
  public static TodoId createdUnder(String subject, CreateRequestKey key) {
    var digest =
        sha256()
            .digest(
                ("todo-create\0" + subject + "\0" + key.value()).getBytes(StandardCharsets.UTF_8));
    var bytes = ByteBuffer.wrap(digest);
    long high = (bytes.getLong() & ~0xF000L) | 0x8000L;
    long low = (bytes.getLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new TodoId(new UUID(high, low));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
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
