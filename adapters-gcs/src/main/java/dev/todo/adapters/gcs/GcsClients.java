package dev.todo.adapters.gcs;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.todo.domain.port.out.BlobStorage;
import dev.todo.domain.port.out.HealthProbe;
import dev.todo.domain.port.out.ReplicaMarker;
import dev.todo.domain.port.out.WriterLease;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The adapter's entry point for the wiring: one {@link Storage} client on a bucket, seen through
 * the domain's ports only, so that no SDK type reaches the code that assembles the service.
 */
public final class GcsClients implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

  private final Storage storage;
  private final String bucket;

  GcsClients(Storage storage, String bucket) {
    this.storage = storage;
    this.bucket = bucket;
  }

  /**
   * A client of the JSON API on {@code bucket}, with Application Default Credentials and the
   * project they or the environment ({@code GOOGLE_CLOUD_PROJECT}) name. With an {@code endpoint}
   * (an emulator such as fake-gcs-server) requests go there without credentials.
   */
  public static GcsClients connect(String bucket, Optional<String> endpoint) {
    var builder =
        StorageOptions.http()
            .setTransportOptions(
                HttpTransportOptions.newBuilder()
                    .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
                    .setReadTimeout((int) READ_TIMEOUT.toMillis())
                    .build());
    endpoint.ifPresent(
        url -> {
          builder.setHost(url).setCredentials(NoCredentials.getInstance());
          if (StorageOptions.getDefaultProjectId() == null) {
            builder.setProjectId("local");
          }
        });
    return new GcsClients(builder.build().getService(), bucket);
  }

  /** A client that tries each call once: what a failing backend looks like, quickly. */
  static Storage withoutRetries(String endpoint) {
    return StorageOptions.http()
        .setHost(endpoint)
        .setProjectId("test")
        .setCredentials(NoCredentials.getInstance())
        .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).build())
        .build()
        .getService();
  }

  public BlobStorage blobStorage() {
    return new GcsBlobStorage(storage, bucket);
  }

  /** The single-writer lease as the object {@code objectName} in this bucket. */
  public WriterLease writerLease(String objectName, String holder, Duration ttl, Clock clock) {
    return new GcsWriterLease(storage, bucket, objectName, holder, ttl, clock);
  }

  /** The replica marker as the object {@code objectName} in this bucket. */
  public ReplicaMarker replicaMarker(String objectName) {
    return new GcsReplicaMarker(storage, bucket, objectName);
  }

  public HealthProbe healthProbe() {
    return new GcsHealthProbe(storage, bucket, HEALTH_TIMEOUT);
  }

  @Override
  public void close() throws Exception {
    storage.close();
  }
}
