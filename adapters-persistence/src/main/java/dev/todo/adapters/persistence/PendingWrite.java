package dev.todo.adapters.persistence;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * One caller's write, queued for the writer thread. It starts at most once and only if its caller
 * has not given up waiting; its outcome is published only after its batch has committed.
 */
final class PendingWrite<T> {

  private static final int QUEUED = 0;
  private static final int STARTED = 1;
  private static final int ABANDONED = 2;

  private final Supplier<T> work;
  private final Map<String, String> logContext;
  private final long queuedAt = System.nanoTime();
  private final AtomicInteger state = new AtomicInteger(QUEUED);
  private final CompletableFuture<T> outcome = new CompletableFuture<>();
  private T result;
  private RuntimeException failure;

  PendingWrite(Supplier<T> work) {
    this.work = work;
    this.logContext = MDC.getCopyOfContextMap();
  }

  /** Called by the writer: false when the caller has already given up. */
  boolean start() {
    return state.compareAndSet(QUEUED, STARTED);
  }

  /** {@link System#nanoTime()} when it was queued. */
  long queuedAt() {
    return queuedAt;
  }

  /** Called by the caller on time-out: true when the write will never run. */
  boolean abandon() {
    return state.compareAndSet(QUEUED, ABANDONED);
  }

  /** Runs the work on the writer thread, with the caller's log context; keeps its outcome. */
  void run() {
    Map<String, String> writerContext = MDC.getCopyOfContextMap();
    setLogContext(logContext);
    try {
      result = DatabaseErrors.translate(work);
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      setLogContext(writerContext);
    }
  }

  /** After the batch committed: the work's own result or exception. */
  void publish() {
    if (failure != null) {
      outcome.completeExceptionally(failure);
    } else {
      outcome.complete(result);
    }
  }

  /** The batch did not commit: nothing of this write was kept. */
  void fail(RuntimeException batchFailure) {
    outcome.completeExceptionally(failure != null ? failure : batchFailure);
  }

  CompletableFuture<T> outcome() {
    return outcome;
  }

  private static void setLogContext(Map<String, String> context) {
    if (context == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(context);
    }
  }
}
