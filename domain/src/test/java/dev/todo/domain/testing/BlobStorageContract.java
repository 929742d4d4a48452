package dev.todo.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.BlobNotFoundException;
import dev.todo.domain.error.StorageUnavailableException;
import dev.todo.domain.port.out.BlobStorage;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link BlobStorage} promises. The fake and each adapter extend this class and supply
 * an empty working store and one whose backend does not answer.
 */
public abstract class BlobStorageContract {

  /** A new, empty store that works. */
  protected abstract BlobStorage storage();

  /** A store whose backend fails every operation. */
  protected abstract BlobStorage unavailableStorage();

  private BlobStorage storage;

  @BeforeEach
  void createStorage() {
    storage = storage();
  }

  /** Every byte value, several buffers long and not a multiple of any usual buffer size. */
  protected static byte[] binary(int size) {
    var bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + i / 256);
    }
    return bytes;
  }

  private static byte[] readAll(BlobStorage.BlobContent content) throws IOException {
    try (content) {
      return content.stream().readAllBytes();
    }
  }

  @Test
  void readsBackTheExactBytesWrittenWithTheirSize() throws IOException {
    byte[] bytes = binary(1_234_567);

    long written = storage.write("todos/a/1", new ByteArrayInputStream(bytes));

    assertThat(written).isEqualTo(bytes.length);
    var content = storage.read("todos/a/1");
    assertThat(content.size()).isEqualTo(bytes.length);
    assertThat(content.length()).isEqualTo(bytes.length);
    assertThat(readAll(content)).isEqualTo(bytes);
  }

  @Test
  void storesAnEmptyObject() throws IOException {
    assertThat(storage.write("todos/a/empty", InputStream.nullInputStream())).isZero();

    assertThat(stored("todos/a/empty")).isTrue();
    var content = storage.read("todos/a/empty");
    assertThat(content.size()).isZero();
    assertThat(readAll(content)).isEmpty();
  }

  @Test
  void readsARangeOfTheObject() throws IOException {
    byte[] bytes = binary(100_000);
    storage.write("todos/a/1", new ByteArrayInputStream(bytes));

    var middle = storage.read("todos/a/1", 1_000, 5_000);
    var tail = storage.read("todos/a/1", 99_990, 1_000);

    assertThat(middle.length()).isEqualTo(5_000);
    assertThat(middle.size()).isEqualTo(100_000);
    assertThat(readAll(middle)).isEqualTo(Arrays.copyOfRange(bytes, 1_000, 6_000));
    assertThat(tail.length()).isEqualTo(10);
    assertThat(readAll(tail)).isEqualTo(Arrays.copyOfRange(bytes, 99_990, 100_000));
  }

  @Test
  void anObjectIsWrittenOnceAndASecondWriteChangesNothing() throws IOException {
    storage.write("todos/a/1", new ByteArrayInputStream(new byte[] {1, 2, 3}));

    assertThatThrownBy(() -> storage.write("todos/a/1", new ByteArrayInputStream(binary(5_000))))
        .isInstanceOf(IllegalStateException.class);

    assertThat(readAll(storage.read("todos/a/1"))).containsExactly(1, 2, 3);
  }

  @Test
  void readingAMissingObjectIsNotFound() {
    assertThatThrownBy(() -> storage.read("todos/a/missing"))
        .isInstanceOf(BlobNotFoundException.class);
    assertThatThrownBy(() -> storage.read("todos/a/missing", 10, 10))
        .isInstanceOf(BlobNotFoundException.class);
  }

  @Test
  void listsAnObjectUnderItsExactNameAndNothingUnderItsFolder() {
    storage.write("todos/a/1", new ByteArrayInputStream(new byte[] {1}));

    assertThat(stored("todos/a/1")).isTrue();
    assertThat(stored("todos/a/2")).isFalse();
    assertThat(stored("todos/a")).isFalse();
  }

  @Test
  void deletesAnObjectAndSaysWhetherThereWasOne() {
    storage.write("todos/a/1", new ByteArrayInputStream(new byte[] {1}));

    assertThat(storage.delete("todos/a/1")).isTrue();
    assertThat(storage.delete("todos/a/1")).isFalse();
    assertThat(stored("todos/a/1")).isFalse();
    assertThatThrownBy(() -> storage.read("todos/a/1")).isInstanceOf(BlobNotFoundException.class);
  }

  @Test
  void listsTheNamesUnderAPrefixInOrder() {
    for (String name : new String[] {"todos/b/2", "todos/a/2", "todos/b/1", "todos/a/1", "x/1"}) {
      storage.write(name, new ByteArrayInputStream(new byte[] {1}));
    }

    assertThat(names("todos/")).containsExactly("todos/a/1", "todos/a/2", "todos/b/1", "todos/b/2");
    assertThat(names("todos/b/")).containsExactly("todos/b/1", "todos/b/2");
    assertThat(storage.list("")).hasSize(5);
    assertThat(storage.list("none/")).isEmpty();
  }

  @Test
  void listsWhenEachObjectWasStored() {
    var before = Instant.now().minusSeconds(5);
    storage.write("todos/a/1", new ByteArrayInputStream(new byte[] {1}));
    var after = Instant.now().plusSeconds(5);

    assertThat(storage.list("todos/"))
        .singleElement()
        .satisfies(
            object -> {
              assertThat(object.name()).isEqualTo("todos/a/1");
              assertThat(object.createdAt()).isBetween(before, after);
            });
  }

  private boolean stored(String name) {
    return names(name).contains(name);
  }

  private List<String> names(String prefix) {
    return storage.list(prefix).stream().map(BlobStorage.StoredObject::name).toList();
  }

  @Test
  void aSourceThatFailsMidwayLeavesNothingBehindAndItsErrorPropagates() {
    var failing = new FailingAfter(300_000, new IOException("client went away"));

    assertThatThrownBy(() -> storage.write("todos/a/1", failing))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("client went away");

    assertThat(stored("todos/a/1")).isFalse();
    assertThat(storage.list("")).isEmpty();
  }

  @Test
  void aRuntimeExceptionOfTheSourcePropagatesUnchanged() {
    var tooLarge = new IllegalStateException("over the limit");
    var failing = new FailingAfter(50_000, tooLarge);

    assertThatThrownBy(() -> storage.write("todos/a/1", failing)).isSameAs(tooLarge);

    assertThat(stored("todos/a/1")).isFalse();
    assertThat(storage.list("")).isEmpty();
  }

  @Test
  void removingAbandonedWritesSparesAWriteUnderWayAndEveryObject() throws IOException {
    storage.write("todos/a/1", new ByteArrayInputStream(new byte[] {1}));
    byte[] bytes = binary(200_000);
    var removedMidway = new int[] {-1};
    InputStream sweptMidway =
        new FilterInputStream(new ByteArrayInputStream(bytes)) {
          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            if (removedMidway[0] < 0 && in.available() < bytes.length / 2) {
              removedMidway[0] = storage.removeAbandonedWrites(Duration.ZERO);
            }
            return super.read(buffer, offset, Math.min(length, 8_192));
          }
        };

    storage.write("todos/a/2", sweptMidway);

    assertThat(removedMidway[0]).isZero();
    assertThat(storage.removeAbandonedWrites(Duration.ZERO)).isZero();
    assertThat(names("todos/")).containsExactly("todos/a/1", "todos/a/2");
    assertThat(readAll(storage.read("todos/a/2"))).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/abs", "a//b", "../x", "a/../b", "a/./b", "a/", "a b", "é", "a\\b"})
  void rejectsNamesOutsideTheAlphabet(String name) {
    var content = new ByteArrayInputStream(new byte[] {1});

    assertThatThrownBy(() -> storage.write(name, content))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> storage.read(name)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> storage.delete(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnavailableBackendIsStorageUnavailableForEveryOperation() {
    var broken = unavailableStorage();
    var content = new ByteArrayInputStream(new byte[] {1});

    assertThatThrownBy(() -> broken.write("todos/a/1", content))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> broken.read("todos/a/1"))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> broken.delete("todos/a/1"))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> broken.list("todos/")).isInstanceOf(StorageUnavailableException.class);
  }

  /** Yields {@code bytes} bytes of binary content, then throws. */
  private static final class FailingAfter extends InputStream {
    private final long bytes;
    private final Exception failure;
    private long position;

    FailingAfter(long bytes, Exception failure) {
      this.bytes = bytes;
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (position >= bytes) {
        if (failure instanceof IOException io) {
          throw io;
        }
        throw (RuntimeException) failure;
      }
      int n = (int) Math.min(length, bytes - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) (position + i);
      }
      position += n;
      return n;
    }
  }
}
