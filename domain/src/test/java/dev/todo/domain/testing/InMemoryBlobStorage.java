package dev.todo.domain.testing;

import dev.todo.domain.error.BlobNotFoundException;
import dev.todo.domain.error.StorageUnavailableException;
import dev.todo.domain.port.out.BlobStorage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-memory fake of {@link BlobStorage}. A test can make it unavailable ({@link #goDown()}), or
 * make writes fail after some bytes ({@link #failWritesAfter(long)}) to simulate a store that
 * breaks in the middle of an upload.
 */
public final class InMemoryBlobStorage implements BlobStorage {

  private final ConcurrentSkipListMap<String, Stored> objects = new ConcurrentSkipListMap<>();
  private final Clock clock;
  private volatile boolean down;
  private volatile long failWritesAfter = -1;
  private final List<Duration> sweeps = new CopyOnWriteArrayList<>();

  private record Stored(byte[] bytes, Instant createdAt) {}

  public InMemoryBlobStorage() {
    this(Clock.systemUTC());
  }

  /** Objects are stamped with the clock's time when written. */
  public InMemoryBlobStorage(Clock clock) {
    this.clock = clock;
  }

  public void goDown() {
    down = true;
  }

  public void comeBack() {
    down = false;
    failWritesAfter = -1;
  }

  /** Every later write fails with {@link StorageUnavailableException} after {@code bytes}. */
  public void failWritesAfter(long bytes) {
    failWritesAfter = bytes;
  }

  /** Every object's name, for assertions. */
  public List<String> names() {
    return List.copyOf(objects.keySet());
  }

  /** The {@code idle} of every call of {@link #removeAbandonedWrites}, for assertions. */
  public List<Duration> sweeps() {
    return List.copyOf(sweeps);
  }

  /** A failed write leaves nothing here; the call is only recorded. */
  @Override
  public int removeAbandonedWrites(Duration idle) {
    checkUp();
    sweeps.add(idle);
    return 0;
  }

  @Override
  public long write(String name, InputStream content) {
    BlobStorage.requireValidName(name);
    checkUp();
    requireAbsent(name);
    var buffer = new ByteArrayOutputStream();
    var chunk = new byte[8192];
    try {
      for (int n; (n = content.read(chunk)) != -1; ) {
        buffer.write(chunk, 0, n);
        long limit = failWritesAfter;
        if (limit >= 0 && buffer.size() > limit) {
          throw new StorageUnavailableException("simulated failure after " + limit + " bytes");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    checkUp();
    if (objects.putIfAbsent(name, new Stored(buffer.toByteArray(), clock.instant())) != null) {
      requireAbsent(name);
    }
    return buffer.size();
  }

  private void requireAbsent(String name) {
    if (objects.containsKey(name)) {
      throw new IllegalStateException("an object already exists under " + name);
    }
  }

  @Override
  public BlobContent read(String name, long offset, long length) {
    BlobStorage.requireValidName(name);
    BlobStorage.requireValidRange(offset, length);
    checkUp();
    Stored stored = objects.get(name);
    if (stored == null) {
      throw new BlobNotFoundException(name);
    }
    byte[] bytes = stored.bytes();
    int from = (int) Math.min(offset, bytes.length);
    int count = (int) Math.min(length, bytes.length - from);
    return new BlobContent(count, bytes.length, new ByteArrayInputStream(bytes, from, count));
  }

  @Override
  public boolean delete(String name) {
    BlobStorage.requireValidName(name);
    checkUp();
    return objects.remove(name) != null;
  }

  @Override
  public List<StoredObject> list(String prefix) {
    checkUp();
    return objects.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(prefix))
        .map(entry -> new StoredObject(entry.getKey(), entry.getValue().createdAt()))
        .toList();
  }

  private void checkUp() {
    if (down) {
      throw new StorageUnavailableException("simulated outage");
    }
  }
}
