package dev.todo.adapters.gcs;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobSourceOption;
import com.google.cloud.storage.Storage.BlobWriteOption;
import dev.todo.domain.port.out.WriterLease;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * The object holds the holder and the expiry instant ({@code holder=…}, {@code expires_at=…}); the
 * expiry is compared with this instance's clock, so the instances' clocks must agree to well within
 * the ttl (Cloud Run's do).
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
      Optional<Record> current = read();
      if (current.isEmpty()) {
        return write(
                BlobInfo.newBuilder(BlobId.of(bucket, objectName))
                    .setContentType("text/plain")
                    .build(),
                BlobWriteOption.doesNotExist())
            && clearOwnRequest();
      }
      Record record = current.get();
      if (record.holder().equals(holder) || !clock.instant().isBefore(record.expiresAt())) {
        return replace(record.generation()) && clearOwnRequest();
      }
      return false;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean renew() {
    try {
      Optional<Record> current = read();
      if (current.isEmpty() || !current.get().holder().equals(holder)) {
        return false;
      }
      return replace(current.get().generation());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void release() {
    try {
      Optional<Record> current = read();
      if (current.isPresent() && current.get().holder().equals(holder)) {
        storage.delete(
            BlobId.of(bucket, objectName, current.get().generation()),
            BlobSourceOption.generationMatch());
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
      channel.write(ByteBuffer.wrap(("holder=" + holder + "\n").getBytes(StandardCharsets.UTF_8)));
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public Optional<String> handoverRequester() {
    try {
      return requester().filter(who -> !who.equals(holder));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The holder that asked for the lease, if any: the object {@code <lease object>.handover}. */
  private Optional<String> requester() {
    Blob request = storage.get(BlobId.of(bucket, handoverObject()));
    if (request == null) {
      return Optional.empty();
    }
    String text = new String(request.getContent(), StandardCharsets.UTF_8).strip();
    return Optional.of(text.startsWith("holder=") ? text.substring("holder=".length()) : text);
  }

  /** After taking the lease: our own request, if we made one, is answered. Always true. */
  private boolean clearOwnRequest() {
    try {
      if (requester().filter(holder::equals).isPresent()) {
        storage.delete(BlobId.of(bucket, handoverObject()));
      }
    } catch (RuntimeException e) {
      // A stale request only makes the next holder hand over once more.
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
      channel.write(ByteBuffer.wrap(content()));
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return true;
  }

  private byte[] content() {
    Instant expiresAt = clock.instant().plus(ttl);
    return ("holder=" + holder + "\nexpires_at=" + expiresAt + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private Optional<Record> read() {
    Blob blob = storage.get(BlobId.of(bucket, objectName));
    if (blob == null) {
      return Optional.empty();
    }
    String text = new String(blob.getContent(), StandardCharsets.UTF_8);
    String who = null;
    Instant expiresAt = Instant.EPOCH;
    for (String line : text.split("\n")) {
      if (line.startsWith("holder=")) {
        who = line.substring("holder=".length());
      } else if (line.startsWith("expires_at=")) {
        expiresAt = Instant.parse(line.substring("expires_at=".length()).strip());
      }
    }
    // An unreadable record counts as expired: it can be taken over, under the generation check.
    return Optional.of(new Record(who == null ? "" : who, expiresAt, blob.getGeneration()));
  }

  private record Record(String holder, Instant expiresAt, long generation) {}
}
