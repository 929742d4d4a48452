package dev.todo.adapters.gcs;

import dev.todo.domain.port.out.BlobStorage;
import dev.todo.domain.testing.BlobStorageContract;

/**
 * The contract over the real SDK: a {@code Storage} from {@code LocalStorageHelper}
 * (google-cloud-nio's in-memory fake of the JSON API's RPC layer), and one whose endpoint refuses
 * connections.
 */
class GcsBlobStorageTest extends BlobStorageContract {

  @Override
  protected BlobStorage storage() {
    return new GcsBlobStorage(Backends.inMemory(), Backends.BUCKET);
  }

  @Override
  protected BlobStorage unavailableStorage() {
    return new GcsBlobStorage(Backends.refusingConnections(), Backends.BUCKET);
  }
}
