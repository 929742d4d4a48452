package dev.todo.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Optional;

/**
 * The single-writer lease ({@code todo.lease.*}; env {@code TODO_LEASE_*} and {@code
 * TODO_INSTANCE_ID}, see README).
 *
 * @param bucket the GCS bucket of the lease object; absent: a file next to the database
 * @param endpoint a GCS emulator's URL; absent: Google's
 * @param instanceId names this instance in the lease; absent: revision, host and a random suffix
 * @param releaseDelay on shutdown, how long to wait after replication stopped before releasing
 * @param handover whether a waiting instance asks the holder to hand the lease over
 * @param file the local lease file; absent: {@code <database file>.lease}
 * @param drainTimeout on shutdown or handover, how long to wait for the writes admitted before
 *     writes stopped, before Litestream's final sync
 */
@ConfigurationProperties("todo.lease")
record LeaseConfiguration(
    Optional<String> bucket,
    @Bindable(defaultValue = "lease/writer") String object,
    Optional<String> endpoint,
    @Bindable(defaultValue = "30s") Duration ttl,
    @Bindable(defaultValue = "2s") Duration retryInterval,
    @Bindable(defaultValue = "0s") Duration releaseDelay,
    @Bindable(defaultValue = "true") boolean handover,
    Optional<String> instanceId,
    Optional<String> file,
    @Bindable(defaultValue = "3s") Duration drainTimeout) {

  LeaseConfiguration {
    bucket = Settings.nonBlank(bucket);
    endpoint = Settings.nonBlank(endpoint);
    instanceId = Settings.nonBlank(instanceId);
    file = Settings.nonBlank(file);
  }
}
