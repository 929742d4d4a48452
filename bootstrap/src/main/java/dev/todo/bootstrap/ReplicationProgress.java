package dev.todo.bootstrap;

import java.time.Instant;
import java.util.Optional;

/**
 * When the replica last took this database's changes; the source of {@code
 * todo_replication_last_sync_age_seconds}. Nothing implements it yet: the Litestream supervision
 * that knows it is a bean of this type.
 */
interface ReplicationProgress {

  /** Empty until the first sync. */
  Optional<Instant> lastSync();
}
