package dev.todo.adapters.gcs;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import dev.todo.domain.port.out.ReplicaMarker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The replica marker as an object in the bucket: it is set when the object exists. */
final class GcsReplicaMarker implements ReplicaMarker {

  private final Storage storage;
  private final BlobId object;

  GcsReplicaMarker(Storage storage, String bucket, String objectName) {
    this.storage = storage;
    this.object = BlobId.of(bucket, objectName);
  }

  @Override
  public boolean isSet() {
    try {
      return storage.get(object) != null;
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Cannot tell whether the replica was initialised: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean set() {
    try (WriteChannel channel =
        storage.writer(BlobInfo.newBuilder(object).setContentType("text/plain").build())) {
      channel.write(ByteBuffer.wrap("replica initialised\n".getBytes(StandardCharsets.UTF_8)));
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
