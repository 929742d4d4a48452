package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.WriteFence;
import jakarta.inject.Singleton;

/**
 * The write fence of the persistence tests (the service wires its writer lease instead): open until
 * a test closes it, as the lease runs out while a write is under way.
 */
@Singleton
final class SwitchableWriteFence implements WriteFence {

  private volatile boolean open = true;

  void close() {
    open = false;
  }

  void open() {
    open = true;
  }

  @Override
  public boolean mayCommit() {
    return open;
  }
}
