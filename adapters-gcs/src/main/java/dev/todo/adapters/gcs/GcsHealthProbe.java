package dev.todo.adapters.gcs;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import dev.todo.domain.port.out.HealthProbe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reports the storage up when the bucket lists one object. Listing needs only the permission the
 * service has anyway ({@code storage.objects.list}), unlike reading the bucket's metadata.
 */
public final class GcsHealthProbe implements HealthProbe {

  private final Storage storage;
  private final String bucket;
  private final Duration timeout;

  public GcsHealthProbe(Storage storage, String bucket, Duration timeout) {
    this.storage = storage;
    this.bucket = bucket;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "storage";
  }

  @Override
  public boolean isUp() {
    var check =
        CompletableFuture.supplyAsync(
            () -> storage.list(bucket, BlobListOption.pageSize(1)) != null,
            runnable -> Thread.ofVirtual().start(runnable));
    try {
      return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }
}
