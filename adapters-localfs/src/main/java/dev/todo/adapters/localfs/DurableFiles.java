package dev.todo.adapters.localfs;

import dev.todo.domain.error.StorageUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The steps of one durable write of {@link LocalDirectoryBlobStorage}: a private temporary file,
 * the bytes forced to disk, then one atomic rename onto a name nothing holds yet. A failing disk is
 * {@link StorageUnavailableException}; a failing source stays an {@link UncheckedIOException}.
 */
final class DurableFiles {

  private static final int BUFFER_SIZE = 64 * 1024;

  private DurableFiles() {}

  /** Like {@code Files.createTempFile}: readable and writable by the owner only, where POSIX. */
  static void createPrivateFile(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }

  /** Copies the source to the file, telling the source's failures from the disk's. */
  static long copy(InputStream content, Path file, String name) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      byte[] buffer = new byte[BUFFER_SIZE];
      long size = 0;
      while (true) {
        int n;
        try {
          n = content.read(buffer);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (n == -1) {
          break;
        }
        out.write(buffer, 0, n);
        size += n;
      }
      channel.force(true);
      return size;
    } catch (IOException e) {
      throw unavailable("cannot write " + name, e);
    }
  }

  /**
   * Names are fresh ids, so no two writers race for one: checking before the move is enough, and
   * the move itself stays one atomic {@code rename}.
   */
  static void requireAbsent(Path target, String name) {
    if (Files.exists(target)) {
      throw new IllegalStateException("an object already exists under " + name);
    }
  }

  static void move(Path temporary, Path target, String name) {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw unavailable("the directory does not support atomic moves: " + name, e);
    } catch (IOException e) {
      throw unavailable("cannot store " + name, e);
    }
  }

  static StorageUnavailableException unavailable(String message, IOException cause) {
    return new StorageUnavailableException(message, cause);
  }
}
