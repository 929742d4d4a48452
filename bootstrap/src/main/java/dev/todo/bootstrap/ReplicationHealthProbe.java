package dev.todo.bootstrap;

import dev.todo.domain.port.out.HealthProbe;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Litestream as a dependency of the health route, when it is configured: down while the child is
 * not running (it is being restarted, and writes wait), with the estimated age of the last sync
 * ({@link SyncEvidence}) and the number of restarts beside it.
 */
@Singleton
@SingleWriter
@Requires(property = "todo.replication.litestream-config", pattern = ".+")
class ReplicationHealthProbe implements HealthProbe {

  private final LitestreamReplication replication;

  ReplicationHealthProbe(LitestreamReplication replication) {
    this.replication = replication;
  }

  @Override
  public String name() {
    return "replication";
  }

  @Override
  public boolean isUp() {
    return replication.isReplicating();
  }

  @Override
  public Map<String, Long> details() {
    var details = new LinkedHashMap<String, Long>();
    replication
        .lastSyncAge()
        .ifPresent(age -> details.put("last_sync_age_seconds", age.toSeconds()));
    details.put("restarts", replication.restarts());
    return details;
  }
}
