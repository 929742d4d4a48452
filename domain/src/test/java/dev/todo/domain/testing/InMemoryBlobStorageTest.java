package dev.todo.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.StorageUnavailableException;
import dev.todo.domain.port.out.BlobStorage;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class InMemoryBlobStorageTest extends BlobStorageContract {

  @Override
  protected BlobStorage storage() {
    return new InMemoryBlobStorage();
  }

  @Override
  protected BlobStorage unavailableStorage() {
    var storage = new InMemoryBlobStorage();
    storage.goDown();
    return storage;
  }

  @Test
  void aWriteMadeToFailMidwayLeavesNothing() {
    var storage = new InMemoryBlobStorage();
    storage.failWritesAfter(10);

    assertThatThrownBy(() -> storage.write("a", new ByteArrayInputStream(binary(100))))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(storage.names()).isEmpty();
  }
}
