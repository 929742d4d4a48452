package dev.todo.bootstrap;

import dev.todo.domain.error.StorageUnavailableException;
import dev.todo.domain.port.out.BlobStorage;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * For system tests that set {@code test.storage.fail-after-bytes}: the configured store, whose
 * writes break after that many bytes, from inside the real adapter's write (as a disk or a network
 * that dies mid-upload would).
 */
@Factory
@Requires(property = "test.storage.fail-after-bytes")
class FailingStorageForTests {

  @Singleton
  @Replaces(BlobStorage.class)
  BlobStorage failingMidway(
      AttachmentStorageFactory.AttachmentStore store,
      @Value("${test.storage.fail-after-bytes}") long afterBytes) {
    BlobStorage real = store.storage();
    return new BlobStorage() {
      @Override
      public long write(String name, InputStream content) {
        return real.write(name, new Breaking(content, afterBytes));
      }

      @Override
      public BlobContent read(String name, long offset, long length) {
        return real.read(name, offset, length);
      }

      @Override
      public boolean delete(String name) {
        return real.delete(name);
      }

      @Override
      public List<StoredObject> list(String prefix) {
        return real.list(prefix);
      }
    };
  }

  private static final class Breaking extends FilterInputStream {
    private final long afterBytes;
    private long count;

    Breaking(InputStream in, long afterBytes) {
      super(in);
      this.afterBytes = afterBytes;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (count >= afterBytes) {
        throw new StorageUnavailableException("simulated: the store broke mid-upload");
      }
      int n = super.read(buffer, offset, (int) Math.min(length, afterBytes - count));
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
