package dev.todo.domain.testing;

import dev.todo.domain.port.out.ReplicaMarker;
import java.util.concurrent.atomic.AtomicBoolean;

class InMemoryReplicaMarkerTest extends ReplicaMarkerContract {

  private AtomicBoolean store;

  @Override
  protected void newStore() {
    store = new AtomicBoolean();
  }

  @Override
  protected ReplicaMarker marker() {
    return new InMemoryReplicaMarker(store, true);
  }

  @Override
  protected ReplicaMarker unreachableMarker() {
    return new InMemoryReplicaMarker(store, false);
  }
}
