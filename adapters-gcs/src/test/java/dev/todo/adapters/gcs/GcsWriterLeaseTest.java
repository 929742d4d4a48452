package dev.todo.adapters.gcs;

import com.google.cloud.storage.Storage;
import dev.todo.domain.port.out.WriterLease;
import dev.todo.domain.testing.WriterLeaseContract;

/** The real SDK against Google's in-memory fake, which honours generation preconditions. */
class GcsWriterLeaseTest extends WriterLeaseContract {

  private Storage storage;

  @Override
  protected void newStore() {
    storage = Backends.inMemory();
  }

  @Override
  protected WriterLease lease(String holder) {
    return new GcsWriterLease(storage, Backends.BUCKET, "lease/writer", holder, TTL, clock());
  }

  @Override
  protected WriterLease unreachableLease(String holder) {
    return new GcsWriterLease(
        Backends.refusingConnections(), Backends.BUCKET, "lease/writer", holder, TTL, clock());
  }
}
