package dev.todo.adapters.localfs;

import dev.todo.domain.port.out.ReplicaMarker;
import dev.todo.domain.testing.ReplicaMarkerContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalFileReplicaMarkerTest extends ReplicaMarkerContract {

  @TempDir Path directory;
  private Path store;
  private int stores;

  @Override
  protected void newStore() {
    store = directory.resolve("store-" + stores++);
    store.toFile().mkdirs();
  }

  @Override
  protected ReplicaMarker marker() {
    return new LocalFileReplicaMarker(store.resolve("todo.db.replica-initialised"));
  }

  @Override
  protected ReplicaMarker unreachableMarker() {
    return new LocalFileReplicaMarker(directory.resolve("missing/todo.db.replica-initialised"));
  }
}
