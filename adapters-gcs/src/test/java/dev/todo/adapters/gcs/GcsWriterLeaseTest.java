package dev.todo.adapters.gcs;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import dev.todo.domain.port.out.WriterLease;
import dev.todo.domain.testing.WriterLeaseContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** The real SDK against Google's in-memory fake, which honours generation preconditions. */
class GcsWriterLeaseTest extends WriterLeaseContract {

  private static final String OBJECT = "lease/writer";

  private Storage storage;

  @Override
  protected void newStore() {
    storage = Backends.inMemory();
  }

  @Override
  protected WriterLease lease(String holder) {
    return new GcsWriterLease(storage, Backends.BUCKET, OBJECT, holder, TTL, clock());
  }

  @Override
  protected WriterLease unreachableLease(String holder) {
    return new GcsWriterLease(
        Backends.refusingConnections(), Backends.BUCKET, OBJECT, holder, TTL, clock());
  }

  /** Through a write channel: the fake gives objects created otherwise no generation. */
  @Override
  protected void plantRawRecord(byte[] stored) {
    try (WriteChannel channel =
        storage.writer(BlobInfo.newBuilder(BlobId.of(Backends.BUCKET, OBJECT)).build())) {
      channel.write(ByteBuffer.wrap(stored));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
