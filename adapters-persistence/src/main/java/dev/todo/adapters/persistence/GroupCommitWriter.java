package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.PendingWrites;
import dev.todo.domain.port.out.WriteFence;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes to the database. It takes the writes queued since its last commit (up
 * to a limit) and runs them in one transaction, each inside its own savepoint, so that a write that
 * fails is undone alone while the others commit together: one commit (WAL append) for many writes.
 * A write's outcome reaches its caller only after the commit. With one write queued at a time this
 * is exactly one transaction per write. Right before each commit it asks the {@link WriteFence}:
 * when this instance may no longer write, the whole batch is rolled back and every write in it
 * answers "unavailable", so that nothing is committed, let alone acknowledged, after that.
 */
@Singleton
@OnSqlite
final class GroupCommitWriter implements PendingWrites {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final PendingWrite<Void> STOP = new PendingWrite<>(() -> null);

  private final TransactionOperations<Connection> transactions;
  private final WriteFence fence;
  private final int batchLimit;
  private final WriteQueueObserver observer;
  private final SyncClock syncClock;
  private final BlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicLong committedBatches = new AtomicLong();
  private volatile boolean closed;

  GroupCommitWriter(
      TransactionOperations<Connection> transactions,
      WriteFence fence,
      DatabaseConfiguration configuration,
      Optional<WriteQueueObserver> observer,
      SyncClock syncClock) {
    int batchLimit = configuration.writeBatchLimit();
    if (batchLimit < 1) {
      throw new IllegalArgumentException("todo.database.write-batch-limit must be at least 1");
    }
    this.transactions = transactions;
    this.fence = fence;
    this.batchLimit = batchLimit;
    this.observer = observer.orElse(WriteQueueObserver.NONE);
    this.syncClock = syncClock;
    this.observer.watchDepth(queue::size);
    this.thread = Thread.ofPlatform().name("sqlite-writer").daemon().start(this::writeUntilStopped);
  }

  <T> PendingWrite<T> submit(Supplier<T> work) {
    if (closed) {
      throw SqliteTransactions.busy("The service is shutting down; try again shortly", null);
    }
    var pending = new PendingWrite<>(work);
    queue.add(pending);
    return pending;
  }

  /**
   * Queues an empty write and waits for it: the writer takes writes in order, so it finishes only
   * after every write queued before it has committed or been rolled back.
   */
  @Override
  public boolean awaitFinished(Duration timeout) {
    if (isWriterThread()) {
      throw new IllegalStateException("The writer cannot wait for itself");
    }
    if (closed) {
      return joined(timeout);
    }
    var last = new PendingWrite<Void>(() -> null);
    queue.add(last);
    try {
      last.outcome().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // Refused at commit (the fence is closed by then): it finished all the same.
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return true;
  }

  boolean isWriterThread() {
    return Thread.currentThread() == thread;
  }

  /** Finishes the writes already queued; later ones are refused. */
  @PreDestroy
  void close() {
    closed = true;
    queue.add(STOP);
    joined(Duration.ofSeconds(30));
  }

  private boolean joined(Duration timeout) {
    try {
      return thread.join(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void writeUntilStopped() {
    var batch = new ArrayList<PendingWrite<?>>(batchLimit);
    boolean stopping = false;
    while (!stopping) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, batchLimit - 1);
      } catch (InterruptedException e) {
        return;
      }
      stopping = batch.remove(STOP);
      batch.removeIf(pending -> !pending.start());
      if (!batch.isEmpty()) {
        long now = System.nanoTime();
        batch.forEach(pending -> observer.waited(now - pending.queuedAt()));
        observer.batchRun(batch.size());
        commit(batch);
      }
      batch.clear();
    }
  }

  private void commit(List<PendingWrite<?>> batch) {
    try {
      DatabaseErrors.translate(
          () ->
              transactions.execute(
                  TransactionDefinition.DEFAULT,
                  status -> {
                    runEach(batch, status.getConnection());
                    if (!fence.mayCommit()) {
                      throw SqliteTransactions.busy(
                          "This instance may no longer write (shutting down, or no longer the"
                              + " single writer); nothing was saved, try again shortly",
                          null);
                    }
                    return null;
                  }));
    } catch (RuntimeException e) {
      batch.forEach(pending -> pending.fail(e));
      return;
    } catch (Throwable e) {
      LOG.error("Write batch failed", e);
      batch.forEach(pending -> pending.fail(new IllegalStateException(e)));
      return;
    }
    committedBatches.incrementAndGet();
    batch.forEach(PendingWrite::publish);
  }

  int queuedWrites() {
    return queue.size();
  }

  long committedBatches() {
    return committedBatches.get();
  }

  private void runEach(List<PendingWrite<?>> batch, Connection connection) throws SQLException {
    if (batch.size() == 1) {
      // Alone in its batch: a failure rolls the whole transaction back, no savepoint needed.
      syncClock.beginWrite();
      batch.getFirst().run();
      return;
    }
    for (PendingWrite<?> pending : batch) {
      Savepoint savepoint = connection.setSavepoint();
      try {
        syncClock.beginWrite();
        pending.run();
      } catch (RuntimeException e) {
        connection.rollback(savepoint);
      }
      connection.releaseSavepoint(savepoint);
    }
  }
}
