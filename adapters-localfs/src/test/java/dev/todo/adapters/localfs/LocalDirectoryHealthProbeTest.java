package dev.todo.adapters.localfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.port.out.HealthProbe;
import dev.todo.domain.testing.HealthProbeContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryHealthProbeTest extends HealthProbeContract {

  @TempDir Path directory;

  @Override
  protected HealthProbe reachableProbe() {
    return new LocalDirectoryHealthProbe(directory.resolve("attachments"), 1024 * 1024);
  }

  @Test
  void reportsDownWhenTheDiskHasNoRoomForTheLargestUploadThoughAnEmptyFileFits()
      throws IOException {
    Path root = Files.createDirectories(directory.resolve("attachments"));
    long free = Files.getFileStore(root).getUsableSpace();

    assertThat(new LocalDirectoryHealthProbe(root, free + (1L << 30)).isUp()).isFalse();
    assertThat(new LocalDirectoryHealthProbe(root, Long.MAX_VALUE).isUp()).isFalse();
    assertThat(new LocalDirectoryHealthProbe(root, 0).isUp()).isTrue();
  }

  @Override
  protected HealthProbe unreachableProbe() {
    try {
      return new LocalDirectoryHealthProbe(Files.writeString(directory.resolve("a-file"), "x"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
