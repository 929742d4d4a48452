package dev.todo.bootstrap;

import java.time.Duration;
import java.util.Optional;

/**
 * How long ago the replica last took this database's changes: the source of {@code
 * todo_replication_last_sync_age_seconds}, as {@link LitestreamReplication} estimates it (no value,
 * so no sample, while replication is off or before its first sync).
 */
interface ReplicationProgress {

  /** Empty before the first sync. */
  Optional<Duration> lastSyncAge();
}
