package dev.todo.adapters.localfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.StorageUnavailableException;
import dev.todo.domain.port.out.BlobStorage;
import dev.todo.domain.testing.BlobStorageContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryBlobStorageTest extends BlobStorageContract {

  @TempDir Path directory;

  @Override
  protected BlobStorage storage() {
    return new LocalDirectoryBlobStorage(directory.resolve("attachments"));
  }

  /** The root is a regular file: every operation fails at the file system. */
  @Override
  protected BlobStorage unavailableStorage() {
    try {
      return new LocalDirectoryBlobStorage(Files.writeString(directory.resolve("a-file"), "x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void storesAnObjectAsAFileNamedAfterIt() throws IOException {
    var storage = new LocalDirectoryBlobStorage(directory);

    storage.write("todos/t/a", new ByteArrayInputStream(new byte[] {4, 2}));

    assertThat(Files.readAllBytes(directory.resolve("todos/t/a"))).containsExactly(4, 2);
  }

  @Test
  void whileAWriteIsUnderWayOnlyATemporaryFileExistsNotTheObject() throws IOException {
    var storage = new LocalDirectoryBlobStorage(directory);
    Path target = directory.resolve("todos/t/a");
    var seen = new boolean[2];
    InputStream source =
        new InputStream() {
          int left = 3;

          @Override
          public int read() throws IOException {
            if (left == 1) {
              seen[0] = Files.exists(target);
              seen[1] = !temporaryFiles(target.getParent()).isEmpty();
            }
            return left-- > 0 ? 7 : -1;
          }
        };

    storage.write("todos/t/a", source);

    assertThat(seen[0]).as("object visible before the write completed").isFalse();
    assertThat(seen[1]).as("temporary file in the target's directory").isTrue();
    assertThat(Files.readAllBytes(target)).containsExactly(7, 7, 7);
  }

  @Test
  void aTemporaryFileLeftByACrashIsNotAnObject() throws IOException {
    var storage = new LocalDirectoryBlobStorage(directory);
    storage.write("todos/t/a", new ByteArrayInputStream(new byte[] {1}));
    Files.writeString(directory.resolve("todos/t/.upload-123.tmp"), "partial");

    assertThat(storage.list(""))
        .extracting(BlobStorage.StoredObject::name)
        .containsExactly("todos/t/a");
  }

  @Test
  void removesTemporaryFilesACrashLeftOnceTheyAreOld() throws IOException {
    var storage = new LocalDirectoryBlobStorage(directory);
    storage.write("todos/t/a", new ByteArrayInputStream(new byte[] {1}));
    Path old = Files.writeString(directory.resolve("todos/t/.upload-1.tmp"), "partial");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
    Path recent = Files.writeString(directory.resolve("todos/t/.upload-2.tmp"), "under way");

    assertThat(storage.removeAbandonedWrites(Duration.ofHours(1))).isEqualTo(1);

    assertThat(old).doesNotExist();
    assertThat(recent).exists();
    assertThat(directory.resolve("todos/t/a")).exists();
  }

  @Test
  void aWriteThatFailsBecauseTheDirectoryBecameReadOnlyLeavesNoTemporaryFileOnceItIsWritable()
      throws IOException {
    var storage = new LocalDirectoryBlobStorage(directory);
    Path folder = directory.resolve("todos/t");

    failAWriteThatMakesItsDirectoryReadOnly(
        storage,
        50_000,
        () ->
            assertThat(temporaryFiles(folder))
                .as("the temporary file, emptied while it cannot be deleted")
                .singleElement()
                .satisfies(file -> assertThat(Files.size(file)).isZero()));

    assertThat(storage.removeAbandonedWrites(Duration.ofDays(1))).isEqualTo(1);
    assertThat(temporaryFiles(folder)).isEmpty();
    assertThat(storage.list(""))
        .extracting(BlobStorage.StoredObject::name)
        .containsExactly("todos/t/a");
  }

  @Test
  void theNextWriteDeletesWhatAFailedWriteCouldNotDelete() throws IOException {
    var storage = new LocalDirectoryBlobStorage(directory);

    failAWriteThatMakesItsDirectoryReadOnly(storage, 0, () -> {});
    storage.write("todos/u/c", new ByteArrayInputStream(new byte[] {2}));

    assertThat(temporaryFiles(directory.resolve("todos/t"))).isEmpty();
  }

  /**
   * Stores {@code todos/t/a}, then writes {@code todos/t/b} from a source that makes {@code
   * todos/t} read-only after {@code bytes}; checks that write fails and runs {@code whileReadOnly}
   * before the directory is writable again.
   */
  private static void failAWriteThatMakesItsDirectoryReadOnly(
      LocalDirectoryBlobStorage storage, int bytes, ThrowingCallable whileReadOnly)
      throws IOException {
    storage.write("todos/t/a", new ByteArrayInputStream(new byte[] {1}));
    var readOnly = new ReadOnlyDirectory(storage.root().resolve("todos/t"));
    InputStream locking =
        new InputStream() {
          int read;

          @Override
          public int read() {
            if (read == bytes) {
              readOnly.lock();
            }
            return read++ < 2 * bytes ? 7 : -1;
          }
        };
    try {
      assertThatThrownBy(() -> storage.write("todos/t/b", locking))
          .isInstanceOf(StorageUnavailableException.class);
      try {
        whileReadOnly.call();
      } catch (Throwable e) {
        throw new AssertionError(e);
      }
    } finally {
      readOnly.unlock();
    }
  }

  private static List<Path> temporaryFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(
              f ->
                  f.getFileName().toString().startsWith(LocalDirectoryBlobStorage.TEMPORARY_PREFIX))
          .toList();
    }
  }

  /**
   * Makes a directory refuse new, renamed and deleted entries while its files stay writable: the
   * immutable attribute for root (whom permissions do not stop), write permission for anyone else.
   */
  private static final class ReadOnlyDirectory {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private final Path directory;

    ReadOnlyDirectory(Path directory) {
      this.directory = directory;
      Assumptions.assumeTrue(
          !ROOT || (chattr("+i") && chattr("-i")),
          "chattr cannot make " + directory + " immutable here");
    }

    void lock() {
      if (ROOT) {
        chattr("+i");
      } else {
        setPermissions("r-xr-xr-x");
      }
    }

    void unlock() {
      if (ROOT) {
        chattr("-i");
      } else {
        setPermissions("rwxr-xr-x");
      }
    }

    private boolean chattr(String flag) {
      try {
        return new ProcessBuilder("chattr", flag, directory.toString())
                .redirectErrorStream(true)
                .start()
                .waitFor()
            == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    private void setPermissions(String permissions) {
      try {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(permissions));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void neverResolvesANameOutsideTheRoot() {
    var storage = new LocalDirectoryBlobStorage(directory.resolve("root"));

    assertThatThrownBy(() -> storage.read("..")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> storage.delete("a/../../b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
