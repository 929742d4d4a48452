package dev.todo.domain.testing;

import dev.todo.domain.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Fake of {@link Transactions} over in-memory fakes: serialises writes like the real adapter, and
 * rolls a write back when it throws by restoring every participant to its state when the write
 * began. A write inside a write joins it. Reads are not isolated from a write in progress.
 */
public final class InMemoryTransactions implements Transactions {

  /** A fake whose state a write can restore. */
  public interface Participant {

    /** Captures the current state; running what it returns puts that state back. */
    Runnable checkpoint();
  }

  private final List<Participant> participants;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private volatile int writes;
  private volatile int reads;

  public InMemoryTransactions(Participant... participants) {
    this.participants = List.of(participants);
  }

  @Override
  public <T> T write(Supplier<T> work) {
    writeLock.lock();
    try {
      if (writeLock.getHoldCount() > 1) {
        return work.get();
      }
      writes++;
      var undo = new ArrayList<Runnable>(participants.size());
      participants.forEach(participant -> undo.add(participant.checkpoint()));
      try {
        return work.get();
      } catch (RuntimeException | Error e) {
        undo.reversed().forEach(Runnable::run);
        throw e;
      }
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
