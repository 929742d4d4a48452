package dev.todo.adapters.persistence;

import java.util.function.IntSupplier;

/**
 * What the write queue tells whoever measures it (bootstrap binds it to metrics); this adapter
 * knows no metrics library. Calls come from the writer thread and must return at once.
 */
public interface WriteQueueObserver {

  /** Called once, when the queue starts: how many writes wait at any moment. */
  void watchDepth(IntSupplier queuedWrites);

  /** A write started on the writer thread after waiting this long in the queue. */
  void waited(long nanos);

  /** A batch of this many writes was run in one transaction (committed or not). */
  void batchRun(int writes);

  /** Nobody measures: the adapter's own default. */
  WriteQueueObserver NONE =
      new WriteQueueObserver() {
        @Override
        public void watchDepth(IntSupplier queuedWrites) {}

        @Override
        public void waited(long nanos) {}

        @Override
        public void batchRun(int writes) {}
      };
}
