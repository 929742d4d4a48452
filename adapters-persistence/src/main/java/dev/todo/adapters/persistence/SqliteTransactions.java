package dev.todo.adapters.persistence;

import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.port.out.Transactions;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Transactions on the one SQLite file. SQLite has a single writer; a transaction that reads and
 * then writes while another connection commits fails with {@code SQLITE_BUSY_SNAPSHOT}, which no
 * busy timeout cures. So writing transactions queue on a fair in-process lock (this service is the
 * only process writing the file) and readers run concurrently on their own WAL snapshots. A write
 * that waits longer than {@code todo.database.write-timeout-ms} answers "unavailable".
 */
@Singleton
final class SqliteTransactions implements Transactions {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final TransactionOperations<Connection> transactions;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final long writeTimeoutMillis;

  SqliteTransactions(
      TransactionOperations<Connection> transactions,
      @Value("${todo.database.write-timeout-ms:5000}") long writeTimeoutMillis) {
    this.transactions = transactions;
    this.writeTimeoutMillis = writeTimeoutMillis;
  }

  @Override
  public <T> T write(Supplier<T> work) {
    acquireWriteLock();
    try {
      return SqliteErrors.translate(
          () -> transactions.execute(TransactionDefinition.DEFAULT, status -> work.get()));
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public <T> T read(Supplier<T> work) {
    // Not TransactionDefinition.READ_ONLY: sqlite-jdbc refuses setReadOnly on an open connection.
    return SqliteErrors.translate(
        () -> transactions.execute(TransactionDefinition.DEFAULT, status -> work.get()));
  }

  private void acquireWriteLock() {
    try {
      if (!writeLock.tryLock(writeTimeoutMillis, TimeUnit.MILLISECONDS)) {
        throw new ServiceUnavailableException(
            "The database is busy; try again shortly", RETRY_AFTER, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException(
          "Interrupted while waiting for the database", RETRY_AFTER, e);
    }
  }
}
