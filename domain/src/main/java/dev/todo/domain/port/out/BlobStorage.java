package dev.todo.domain.port.out;

import dev.todo.domain.error.BlobNotFoundException;
import dev.todo.domain.error.StorageUnavailableException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where attachment bytes live: named objects written and read as streams, never whole in memory.
 *
 * <p>Names are made of {@code /}-separated segments of {@code [A-Za-z0-9._-]} (no empty, {@code .}
 * or {@code ..} segment), such as {@code todos/<todo_id>/<attachment_id>}; any other name is an
 * {@link IllegalArgumentException}. Every failure of the store itself is a {@link
 * StorageUnavailableException}; no technology exception crosses this port.
 */
public interface BlobStorage {

  /**
   * Stores everything {@code content} yields as a new object under {@code name} and returns the
   * number of bytes stored. Objects are written once: a name that already holds an object is an
   * {@link IllegalStateException} and the object stays as it was. The object appears whole or not
   * at all: when reading {@code content} fails (its {@link RuntimeException} propagates unchanged,
   * an {@code IOException} as {@link UncheckedIOException}) or the store fails, nothing is left
   * under {@code name}. Does not close {@code content}.
   */
  long write(String name, InputStream content);

  /** Opens the whole object; the caller closes the stream. */
  default BlobContent read(String name) {
    return read(name, 0, Long.MAX_VALUE);
  }

  /**
   * Opens {@code length} bytes of the object from {@code offset} (fewer when the object ends
   * first); {@code offset} must be below the object's size unless the object is empty.
   *
   * @throws BlobNotFoundException when there is no object under {@code name}
   */
  BlobContent read(String name, long offset, long length);

  /** Deletes the object; returns whether there was one. */
  boolean delete(String name);

  /** Every object whose name starts with {@code prefix}, in ascending order of name. */
  List<StoredObject> list(String prefix);

  /**
   * Removes what writes that failed or were cut off by a crash left in the store besides objects (a
   * local directory's temporary files), never an object and never a write of this process under
   * way: what a failed write of this process left at once, anything else once nothing has touched
   * it for {@code idle}. Returns how many it removed. Stores whose failed writes leave nothing (GCS
   * creates an object only when an upload completes) have nothing to do.
   */
  default int removeAbandonedWrites(Duration idle) {
    return 0;
  }

  /** An object as a listing shows it: its name and when it was stored. */
  record StoredObject(String name, Instant createdAt) {}

  /** An open object: the number of bytes {@code stream} will yield, and the object's full size. */
  record BlobContent(long length, long size, InputStream stream) implements AutoCloseable {

    public BlobContent {
      if (length < 0 || size < length) {
        throw new IllegalArgumentException("length " + length + " of size " + size);
      }
    }

    @Override
    public void close() {
      try {
        stream.close();
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  /** Returns {@code name} if it is a valid object name, else throws. */
  static String requireValidName(String name) {
    if (name == null || !VALID_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid object name: " + name);
    }
    for (String segment : name.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("invalid object name: " + name);
      }
    }
    return name;
  }

  /** Throws unless {@code 0 <= offset} and {@code 0 <= length}. */
  static void requireValidRange(long offset, long length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("invalid range: offset " + offset + ", length " + length);
    }
  }
}
