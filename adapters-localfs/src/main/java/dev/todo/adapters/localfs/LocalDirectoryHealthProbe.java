package dev.todo.adapters.localfs;

import dev.todo.domain.port.out.HealthProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reports the storage up when a file can be created and deleted in the directory. */
public final class LocalDirectoryHealthProbe implements HealthProbe {

  private final Path root;

  public LocalDirectoryHealthProbe(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public String name() {
    return "storage";
  }

  @Override
  public boolean isUp() {
    try {
      Files.createDirectories(root);
      Path probe =
          Files.createTempFile(root, LocalDirectoryBlobStorage.TEMPORARY_PREFIX, ".health");
      Files.delete(probe);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
