package dev.todo.domain.port.out;

import java.time.Duration;

/**
 * The writes admitted but not yet finished. Whoever stops the writes before the database is handed
 * on (a handover, a shutdown) waits here first, so that no write admitted earlier commits after the
 * last replication sync, where the next writer's copy would not have it.
 */
public interface PendingWrites {

  /**
   * Waits until every write admitted so far has committed or failed.
   *
   * @return false when some were still under way after {@code timeout}
   */
  boolean awaitFinished(Duration timeout);
}
