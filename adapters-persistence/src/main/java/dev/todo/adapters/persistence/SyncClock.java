package dev.todo.adapters.persistence;

import jakarta.inject.Singleton;

/**
 * The change number of the write in progress: taken from {@code sync_clock} the first time the
 * write needs it, in the write's own transaction (or savepoint), so that a write undone gives its
 * number back and numbers grow in commit order: on SQLite there is one writer; on PostgreSQL the
 * {@code sync_clock} row stays locked by the write until it commits, and a serializable write that
 * met a newer number is retried. Per thread: the writer ({@link GroupCommitWriter}, {@link
 * PostgresTransactions}) tells when each write (or attempt) begins.
 */
@Singleton
final class SyncClock {

  private final Sql sql;
  private final ThreadLocal<Long> current = ThreadLocal.withInitial(() -> 0L);

  SyncClock(Sql sql) {
    this.sql = sql;
  }

  /** A new write begins: it takes a new number when it first changes something a sync sends. */
  void beginWrite() {
    current.set(0L);
  }

  /** The number of the write in progress. */
  long current() {
    if (current.get() == 0) {
      current.set(sql.number("UPDATE sync_clock SET latest = latest + 1 RETURNING latest"));
    }
    return current.get();
  }

  /** The number of the latest committed change, as a reader's snapshot sees it. */
  long latest() {
    return sql.number("SELECT latest FROM sync_clock");
  }

  /** The highest change whose removals are forgotten. */
  long forgottenThrough() {
    return sql.number("SELECT forgotten_through FROM sync_clock");
  }
}
