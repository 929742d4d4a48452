package dev.todo.bootstrap;

import java.time.Duration;
import java.util.Optional;

/**
 * How long ago the replica last took this database's changes: the source of {@code
 * todo_replication_last_sync_age_seconds}. Nothing implements it on this branch; the Litestream
 * supervision that estimates the age is meant to be a bean of this type while replication runs.
 */
interface ReplicationProgress {

  /** Empty before the first sync. */
  Optional<Duration> lastSyncAge();
}
