package dev.todo.adapters.persistence;

import dev.todo.domain.error.DatabaseFailureException;
import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.port.out.PendingWrites;
import dev.todo.domain.port.out.Transactions;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Transactions on PostgreSQL, from many instances at once. Every write first locks the one row of
 * {@code sync_clock} ({@code SELECT … FOR UPDATE}) and holds it to its commit, at {@code READ
 * COMMITTED}: writes run one after the other, each statement seeing every write committed before
 * it, which is what the SQLite adapter gets from its single writer (no lost update, exact counters,
 * positions without duplicates, change numbers in commit order), without the retries that {@code
 * SERIALIZABLE} needs when every write touches that row. Reads run concurrently, each a read-only
 * {@code REPEATABLE READ} transaction: one snapshot for everything it reads. A write the database
 * still refuses (a serialization failure or deadlock, 40001/40P01) runs again, up to {@value
 * #ATTEMPTS} times, then answers "unavailable" (never a 500 for a conflict). A write inside a write
 * joins it.
 */
@Singleton
@OnPostgres
final class PostgresTransactions implements Transactions, PendingWrites {

  static final int ATTEMPTS = 20;
  private static final Set<String> RETRIED = Set.of("40001", "40P01");
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  /**
   * Both kinds run at the connection's defaults as far as Micronaut is concerned: a definition with
   * an isolation level or read-only flag costs three round trips per transaction (ask the level,
   * set it, set it back), measured by the bench. A write keeps PostgreSQL's default, {@code READ
   * COMMITTED} ({@code default_transaction_isolation}, which Cloud SQL leaves alone); a read sets
   * its own characteristics with its first statement.
   */
  private static final TransactionDefinition AT_DEFAULTS = new DefaultTransactionDefinition();

  private static final String ONE_WRITER_AT_A_TIME =
      "SELECT 1 FROM sync_clock WHERE id = 1 FOR UPDATE";
  private static final String ONE_SNAPSHOT_READ_ONLY =
      "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

  private final TransactionOperations<Connection> transactions;
  private final SyncClock clock;
  private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);
  private final ThreadLocal<Boolean> reading = ThreadLocal.withInitial(() -> false);
  private final AtomicInteger inFlight = new AtomicInteger();

  PostgresTransactions(TransactionOperations<Connection> transactions, SyncClock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public <T> T write(Supplier<T> work) {
    if (writing.get()) {
      return work.get();
    }
    writing.set(true);
    inFlight.incrementAndGet();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return translated(
              () ->
                  transactions.execute(
                      AT_DEFAULTS,
                      status -> {
                        lockOut(status.getConnection());
                        clock.beginWrite();
                        return work.get();
                      }));
        } catch (RuntimeException e) {
          if (!isRetried(e)) {
            throw e;
          }
          if (attempt == ATTEMPTS) {
            throw new ServiceUnavailableException(
                "The database is busy with concurrent changes; try again shortly", RETRY_AFTER, e);
          }
          pause(attempt);
        }
      }
    } finally {
      inFlight.decrementAndGet();
      writing.set(false);
    }
  }

  @Override
  public <T> T read(Supplier<T> work) {
    if (writing.get() || reading.get()) {
      return work.get(); // within the transaction under way, which has read what it needs
    }
    reading.set(true);
    try {
      return translated(
          () ->
              transactions.execute(
                  AT_DEFAULTS,
                  status -> {
                    run(status.getConnection(), ONE_SNAPSHOT_READ_ONLY);
                    return work.get();
                  }));
    } finally {
      reading.set(false);
    }
  }

  /** Waits until no write of this instance is under way (for a shutdown). */
  @Override
  public boolean awaitFinished(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Waits until no other write holds the clock's row, then holds it to this write's end. */
  private static void lockOut(Connection connection) {
    try (var statement = connection.prepareStatement(ONE_WRITER_AT_A_TIME);
        var ignored = statement.executeQuery()) {
      // Locked until the transaction ends.
    } catch (SQLException e) {
      throw new Sql.SqlFailure(ONE_WRITER_AT_A_TIME, e);
    }
  }

  private static void run(Connection connection, String statement) {
    try (var prepared = connection.prepareStatement(statement)) {
      prepared.execute();
    } catch (SQLException e) {
      throw new Sql.SqlFailure(statement, e);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException("Interrupted while retrying a write", RETRY_AFTER, e);
    }
  }

  private static boolean isRetried(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && RETRIED.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Serialization failures pass for the retry; the pool's timeout is 503; other failures 500. */
  private static <T> T translated(Supplier<T> work) {
    try {
      return work.get();
    } catch (DatabaseFailureException | ServiceUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      if (isRetried(e)) {
        throw e;
      }
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof SQLTransientConnectionException) {
          throw new ServiceUnavailableException(
              "The database is busy; try again shortly", RETRY_AFTER, e);
        }
        if (cause instanceof SQLException) {
          throw new DatabaseFailureException("The database failed: " + e.getMessage(), e);
        }
      }
      throw e;
    }
  }
}
