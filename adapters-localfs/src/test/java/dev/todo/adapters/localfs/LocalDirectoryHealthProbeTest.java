package dev.todo.adapters.localfs;

import dev.todo.domain.port.out.HealthProbe;
import dev.todo.domain.testing.HealthProbeContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryHealthProbeTest extends HealthProbeContract {

  @TempDir Path directory;

  @Override
  protected HealthProbe reachableProbe() {
    return new LocalDirectoryHealthProbe(directory.resolve("attachments"));
  }

  @Override
  protected HealthProbe unreachableProbe() {
    try {
      return new LocalDirectoryHealthProbe(Files.writeString(directory.resolve("a-file"), "x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
