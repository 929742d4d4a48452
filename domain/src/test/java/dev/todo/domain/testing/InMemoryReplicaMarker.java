package dev.todo.domain.testing;

import dev.todo.domain.port.out.ReplicaMarker;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ReplicaMarker} over a flag shared by its instances; it can play an unreachable store.
 */
public final class InMemoryReplicaMarker implements ReplicaMarker {

  private final AtomicBoolean store;
  private final boolean reachable;

  public InMemoryReplicaMarker(AtomicBoolean store, boolean reachable) {
    this.store = store;
    this.reachable = reachable;
  }

  @Override
  public boolean isSet() {
    if (!reachable) {
      throw new IllegalStateException("The store does not answer");
    }
    return store.get();
  }

  @Override
  public boolean set() {
    if (reachable) {
      store.set(true);
    }
    return reachable;
  }
}
