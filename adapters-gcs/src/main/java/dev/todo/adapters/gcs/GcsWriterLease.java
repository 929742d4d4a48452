package dev.todo.adapters.gcs;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobSourceOption;
import com.google.cloud.storage.Storage.BlobWriteOption;
import dev.todo.domain.lease.HandoverRequest;
import dev.todo.domain.lease.LeaseRecord;
import dev.todo.domain.port.out.WriterLease;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The writer lease as one object in a bucket, changed only under a generation precondition, so that
 * two instances can never both believe they hold it:
 *
 * <ul>
 *   <li>take a free lease: create the object with {@code ifGenerationMatch=0} ({@code
 *       doesNotExist}); of two instances racing, exactly one create succeeds;
 *   <li>renew, or take over an expired lease: rewrite it with {@code ifGenerationMatch=<the
 *       generation just read>}; a concurrent change makes the write fail with 412;
 *   <li>release: delete it with {@code ifGenerationMatch=<our generation>}.
 * </ul>
 *
 * The object holds a {@link LeaseRecord}, whose expiry is compared with this instance's clock, so
 * the instances' clocks must agree to well within the ttl (Cloud Run's do). Nothing in a bucket
 * proves that a holder's process has ended, so a holder that crashed is taken over only once its
 * record expires: at most the ttl after its last renewal.
 */
public final class GcsWriterLease implements WriterLease {

  private final Storage storage;
  private final String bucket;
  private final String objectName;
  private final String holder;
  private final Duration ttl;
  private final Clock clock;

  public GcsWriterLease(
      Storage storage, String bucket, String objectName, String holder, Duration ttl, Clock clock) {
    this.storage = storage;
    this.bucket = bucket;
    this.objectName = objectName;
    this.holder = holder;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public String holder() {
    return holder;
  }

  @Override
  public Duration ttl() {
    return ttl;
  }

  @Override
  public boolean acquire() {
    try {
      Blob current = leaseObject();
      if (current == null) {
        return write(
                BlobInfo.newBuilder(BlobId.of(bucket, objectName))
                    .setContentType("text/plain")
                    .build(),
                BlobWriteOption.doesNotExist())
            && clearRequest();
      }
      if (recordIn(current).mayBeTakenBy(holder, clock.instant())) {
        return replace(current.getGeneration()) && clearRequest();
      }
      return false;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean renew() {
    try {
      Blob current = leaseObject();
      if (current == null || !recordIn(current).isHeldBy(holder)) {
        return false;
      }
      return replace(current.getGeneration());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void release() {
    try {
      Blob current = leaseObject();
      if (current != null && recordIn(current).isHeldBy(holder)) {
        storage.delete(
            BlobId.of(bucket, objectName, current.getGeneration()),
            BlobSourceOption.generationMatch());
        clearRequest();
      }
    } catch (RuntimeException e) {
      // Not released: it expires after the ttl instead.
    }
  }

  @Override
  public boolean requestHandover() {
    try (WriteChannel channel =
        storage.writer(
            BlobInfo.newBuilder(BlobId.of(bucket, handoverObject()))
                .setContentType("text/plain")
                .build())) {
      channel.write(ByteBuffer.wrap(new HandoverRequest(holder, clock.instant()).format()));
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Another holder's request, if any: the object {@code <lease object>.handover}. */
  @Override
  public Optional<HandoverRequest> handoverRequest() {
    try {
      Blob request = storage.get(BlobId.of(bucket, handoverObject()));
      if (request == null) {
        return Optional.empty();
      }
      return HandoverRequest.parse(request.getContent())
          .filter(asked -> !asked.requester().equals(holder));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * After taking or releasing the lease: whatever request stands is answered (a waiter that is
   * still there asks again). Always true.
   */
  private boolean clearRequest() {
    try {
      storage.delete(BlobId.of(bucket, handoverObject()));
    } catch (RuntimeException e) {
      // It expires instead.
    }
    return true;
  }

  private String handoverObject() {
    return objectName + ".handover";
  }

  private boolean replace(long generation) {
    return write(
        BlobInfo.newBuilder(BlobId.of(bucket, objectName, generation))
            .setContentType("text/plain")
            .build(),
        BlobWriteOption.generationMatch());
  }

  /**
   * Writes the record under a precondition; false when the precondition fails (412 from GCS) or the
   * store does not answer. Through a write channel, the path whose preconditions Google's in-memory
   * test double also enforces.
   */
  private boolean write(BlobInfo info, BlobWriteOption precondition) {
    try (WriteChannel channel = storage.writer(info, precondition)) {
      channel.write(ByteBuffer.wrap(LeaseRecord.grantedTo(holder, clock.instant(), ttl).format()));
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return true;
  }

  /** The lease object as it is now; null when there is none. */
  private Blob leaseObject() {
    return storage.get(BlobId.of(bucket, objectName));
  }

  private static LeaseRecord recordIn(Blob blob) {
    return LeaseRecord.parse(blob.getContent());
  }
}
