package dev.todo.adapters.gcs;

import com.google.cloud.storage.Storage;
import dev.todo.domain.port.out.ReplicaMarker;
import dev.todo.domain.testing.ReplicaMarkerContract;

class GcsReplicaMarkerTest extends ReplicaMarkerContract {

  private static final String OBJECT = "lease/replica-initialised";

  private Storage storage;

  @Override
  protected void newStore() {
    storage = Backends.inMemory();
  }

  @Override
  protected ReplicaMarker marker() {
    return new GcsReplicaMarker(storage, Backends.BUCKET, OBJECT);
  }

  @Override
  protected ReplicaMarker unreachableMarker() {
    return new GcsReplicaMarker(Backends.refusingConnections(), Backends.BUCKET, OBJECT);
  }
}
