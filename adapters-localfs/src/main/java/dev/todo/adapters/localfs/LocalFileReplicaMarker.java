package dev.todo.adapters.localfs;

import dev.todo.domain.port.out.ReplicaMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The replica marker of a local run: a file (next to the database); set when it exists. */
public final class LocalFileReplicaMarker implements ReplicaMarker {

  private final Path file;

  public LocalFileReplicaMarker(Path file) {
    this.file = file;
  }

  @Override
  public boolean isSet() {
    if (!Files.isDirectory(file.getParent())) {
      throw new IllegalStateException(
          "Cannot tell whether the replica was initialised: no " + file.getParent());
    }
    return Files.exists(file);
  }

  @Override
  public boolean set() {
    try {
      Files.writeString(file, "replica initialised\n");
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
