package dev.todo.adapters.persistence;

import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.port.out.Transactions;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Transactions on the one SQLite file. SQLite has a single writer, and a transaction that reads and
 * then writes while another connection commits fails with {@code SQLITE_BUSY_SNAPSHOT}, which no
 * busy timeout cures. So every write runs on one writer thread ({@link GroupCommitWriter}), in
 * arrival order, and readers run concurrently on their own WAL snapshots. A write that cannot start
 * within {@code todo.database.write-timeout-ms} answers "unavailable" and never runs.
 */
@Singleton
@OnSqlite
final class SqliteTransactions implements Transactions {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final TransactionOperations<Connection> transactions;
  private final GroupCommitWriter writer;
  private final long writeTimeoutMillis;

  SqliteTransactions(
      TransactionOperations<Connection> transactions,
      GroupCommitWriter writer,
      DatabaseConfiguration configuration) {
    this.transactions = transactions;
    this.writer = writer;
    this.writeTimeoutMillis = configuration.writeTimeoutMs();
  }

  @Override
  public <T> T write(Supplier<T> work) {
    if (writer.isWriterThread()) {
      return work.get();
    }
    PendingWrite<T> pending = writer.submit(work);
    try {
      return pending.outcome().get(writeTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (pending.abandon()) {
        throw busy("The database is busy; try again shortly", e);
      }
      return awaitStarted(pending);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (pending.abandon()) {
        throw busy("Interrupted while waiting for the database", e);
      }
      return awaitStarted(pending);
    } catch (ExecutionException e) {
      throw rethrow(e);
    }
  }

  @Override
  public <T> T read(Supplier<T> work) {
    // Not TransactionDefinition.READ_ONLY: sqlite-jdbc refuses setReadOnly on an open connection.
    return DatabaseErrors.translate(
        () -> transactions.execute(TransactionDefinition.DEFAULT, status -> work.get()));
  }

  /** The write has started: its caller learns how it ended, however long that takes. */
  private static <T> T awaitStarted(PendingWrite<T> pending) {
    try {
      return pending.outcome().join();
    } catch (java.util.concurrent.CompletionException e) {
      throw rethrow(e);
    }
  }

  private static RuntimeException rethrow(Exception wrapped) {
    Throwable cause = wrapped.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }

  static ServiceUnavailableException busy(String message, Throwable cause) {
    return new ServiceUnavailableException(message, RETRY_AFTER, cause);
  }
}
