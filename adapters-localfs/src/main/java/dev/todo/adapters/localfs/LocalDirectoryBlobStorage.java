package dev.todo.adapters.localfs;

import dev.todo.domain.error.BlobNotFoundException;
import dev.todo.domain.error.StorageUnavailableException;
import dev.todo.domain.port.out.BlobStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Objects as files under one directory, for a local run without a bucket: the object {@code
 * todos/t/a} is the file {@code <root>/todos/t/a}.
 *
 * <p>A write goes to a temporary file in the target's directory, is forced to disk, then moved over
 * the final name in one atomic rename, so a crash never leaves a partial object under its final
 * name; leftover temporary files ({@code .upload-*}) are not objects and never listed. A failed
 * write deletes its temporary file; when the directory refuses even that (it became read-only
 * mid-write), the file is emptied at once and deleted by the next write or {@link
 * #removeAbandonedWrites}. Those never touch the temporary file of a write under way.
 */
public final class LocalDirectoryBlobStorage implements BlobStorage {

  static final String TEMPORARY_PREFIX = ".upload-";

  private final Path root;

  /** Temporary files of this store's writes under way: never swept, whatever their age. */
  private final Set<Path> writing = ConcurrentHashMap.newKeySet();

  /**
   * Temporary files of failed writes that could not be deleted then: deleted at the next chance.
   */
  private final Set<Path> leftovers = ConcurrentHashMap.newKeySet();

  public LocalDirectoryBlobStorage(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public long write(String name, InputStream content) {
    Path target = resolve(name);
    checkRoot();
    DurableFiles.requireAbsent(target, name);
    removeLeftovers();
    Path temporary = target.resolveSibling(TEMPORARY_PREFIX + UUID.randomUUID() + ".tmp");
    writing.add(temporary);
    try {
      try {
        Files.createDirectories(target.getParent());
        DurableFiles.createPrivateFile(temporary);
      } catch (IOException e) {
        throw DurableFiles.unavailable("cannot create " + name, e);
      }
      boolean stored = false;
      try {
        long size = DurableFiles.copy(content, temporary, name);
        DurableFiles.requireAbsent(target, name);
        DurableFiles.move(temporary, target, name);
        stored = true;
        return size;
      } finally {
        if (!stored) {
          discard(temporary);
        }
      }
    } finally {
      writing.remove(temporary);
    }
  }

  /**
   * Deletes a failed write's temporary file; a directory that refuses (read-only since the write
   * began) still lets the file itself be emptied, and the file is remembered for later.
   */
  private void discard(Path temporary) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      leftovers.add(temporary);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.truncate(0);
      } catch (IOException ignored) {
        // Deleted later all the same; the write's own failure is what the caller hears.
      }
    }
  }

  /** Deletes the remembered temporary files the directory now lets go; returns how many. */
  private int removeLeftovers() {
    int removed = 0;
    for (Path file : leftovers) {
      try {
        Files.deleteIfExists(file);
        leftovers.remove(file);
        removed++;
      } catch (IOException stillRefused) {
        // Next time.
      }
    }
    return removed;
  }

  @Override
  public BlobContent read(String name, long offset, long length) {
    BlobStorage.requireValidRange(offset, length);
    Path file = resolve(name);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      checkRoot();
      throw new BlobNotFoundException(name);
    } catch (IOException e) {
      throw DurableFiles.unavailable("cannot open " + name, e);
    }
    try {
      long size = channel.size();
      long from = Math.min(offset, size);
      long count = Math.min(length, size - from);
      channel.position(from);
      return new BlobContent(count, size, new BoundedInputStream(channel, count));
    } catch (IOException e) {
      closeQuietly(channel);
      throw DurableFiles.unavailable("cannot read " + name, e);
    }
  }

  @Override
  public boolean delete(String name) {
    Path file = resolve(name);
    checkRoot();
    if (Files.isDirectory(file)) {
      return false;
    }
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw DurableFiles.unavailable("cannot delete " + name, e);
    }
  }

  @Override
  public List<StoredObject> list(String prefix) {
    checkRoot();
    var names = new ArrayList<StoredObject>();
    forEachFile(
        "list",
        (file, attributes) -> {
          String name = nameOf(file);
          if (!isTemporary(file) && name.startsWith(prefix)) {
            names.add(new StoredObject(name, attributes.lastModifiedTime().toInstant()));
          }
        });
    names.sort(Comparator.comparing(StoredObject::name));
    return names;
  }

  /**
   * Deletes the temporary files of this store's failed writes at once, and other temporary files (a
   * crash's, or another process's) once unmodified for {@code idle}: a write under way in another
   * process keeps touching its file. Never the file of this store's writes under way.
   */
  @Override
  public int removeAbandonedWrites(Duration idle) {
    checkRoot();
    var cutoff = Instant.now().minus(idle);
    var removed = new int[] {removeLeftovers()};
    forEachFile(
        "clean",
        (file, attributes) -> {
          if (isTemporary(file)
              && !writing.contains(file)
              && !attributes.lastModifiedTime().toInstant().isAfter(cutoff)
              && deleteQuietly(file)) {
            removed[0]++;
          }
        });
    return removed[0];
  }

  /** Visits every regular file under the root (none when the root does not exist yet). */
  private void forEachFile(String action, BiConsumer<Path, BasicFileAttributes> visit) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile()) {
                visit.accept(file, attributes);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw DurableFiles.unavailable("cannot " + action + " " + root, e);
    }
  }

  private static boolean isTemporary(Path file) {
    return file.getFileName().toString().startsWith(TEMPORARY_PREFIX);
  }

  private String nameOf(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private Path resolve(String name) {
    BlobStorage.requireValidName(name);
    Path file = root.resolve(name).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IllegalArgumentException("invalid object name: " + name);
    }
    return file;
  }

  /** The root may be absent (nothing stored yet) but must not be anything else than a directory. */
  private void checkRoot() {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new StorageUnavailableException("not a directory: " + root);
    }
  }

  private static boolean deleteQuietly(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover temporary file is not an object and is never listed; the next sweep retries.
      return false;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing was read; the error that matters is being thrown.
    }
  }
}
