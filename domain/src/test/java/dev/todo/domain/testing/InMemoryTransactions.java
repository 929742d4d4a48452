package dev.todo.domain.testing;

import dev.todo.domain.port.out.Transactions;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Fake of {@link Transactions}: serialises writes like the real adapter and counts transactions,
 * but cannot roll back (in-memory fakes apply changes at once).
 */
public final class InMemoryTransactions implements Transactions {

  private final ReentrantLock writeLock = new ReentrantLock(true);
  private volatile int writes;
  private volatile int reads;

  @Override
  public <T> T write(Supplier<T> work) {
    writeLock.lock();
    try {
      writes++;
      return work.get();
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public <T> T read(Supplier<T> work) {
    reads++;
    return work.get();
  }

  public int writes() {
    return writes;
  }

  public int reads() {
    return reads;
  }
}
