package dev.todo.domain.attachment;

import dev.todo.domain.todo.TodoId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file of a to-do: its metadata. The bytes live in the object store under {@link #objectName()},
 * derived from ids only; the filename is for display.
 */
public record Attachment(
    AttachmentId id,
    TodoId todoId,
    String filename,
    String contentType,
    long sizeBytes,
    String sha256,
    Instant createdAt) {

  private static final String PREFIX = "todos/";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public Attachment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(todoId, "todoId");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(createdAt, "createdAt");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("A size cannot be negative");
    }
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
    if (!filename.equals(FileNames.display(filename))) {
      throw new IllegalArgumentException("The filename must be a display name");
    }
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The object's name in the store: {@code todos/<todo_id>/<attachment_id>}. */
  public String objectName() {
    return objectName(todoId, id);
  }

  public static String objectName(TodoId todoId, AttachmentId id) {
    return PREFIX + todoId + "/" + id;
  }

  /** Every object of every attachment lives under this prefix. */
  public static String objectPrefix() {
    return PREFIX;
  }

  /** The attachment id an object name carries, or empty when the name is not an attachment's. */
  public static Optional<AttachmentId> idOfObject(String name) {
    String[] parts = name.split("/", -1);
    if (parts.length != 3 || !(parts[0] + "/").equals(PREFIX) || TodoId.parse(parts[1]).isEmpty()) {
      return Optional.empty();
    }
    return AttachmentId.parse(parts[2]);
  }

  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
