package dev.todo.adapters.localfs;

import dev.todo.domain.port.out.HealthProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reports the storage up when an upload would succeed: a file can be created and deleted in the
 * directory, and its file system has room for {@code minimumFreeBytes} (the largest attachment).
 * Creating an empty file still works on a full disk, so the free space is what tells.
 */
public final class LocalDirectoryHealthProbe implements HealthProbe {

  private final Path root;
  private final long minimumFreeBytes;

  public LocalDirectoryHealthProbe(Path root, long minimumFreeBytes) {
    if (minimumFreeBytes < 0) {
      throw new IllegalArgumentException("minimumFreeBytes must not be negative");
    }
    this.root = root.toAbsolutePath().normalize();
    this.minimumFreeBytes = minimumFreeBytes;
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
      Files.deleteIfExists(probe);
      return Files.getFileStore(root).getUsableSpace() >= minimumFreeBytes;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
