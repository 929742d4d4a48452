package dev.todo.adapters.localfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.port.out.HealthProbe;
import dev.todo.domain.testing.HealthProbeContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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

  @Test
  void checksThatAFileCanBeWrittenAtMostOncePerIntervalAndTheFreeSpaceEveryTime()
      throws IOException {
    Path root = Files.createDirectories(directory.resolve("attachments"));
    var clock = new AtomicLong();
    var probe = new LocalDirectoryHealthProbe(root, 0, Duration.ofSeconds(1), clock::get);
    assertThat(probe.isUp()).isTrue();

    Files.delete(root);
    Files.writeString(root, "no longer a directory");
    clock.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(probe.isUp()).as("within the interval: the last write check stands").isTrue();
    clock.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(probe.isUp()).as("once it has passed: checked again").isFalse();

    Files.delete(root);
    Files.createDirectories(root);
    clock.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(probe.isUp()).isTrue();
    assertThat(
            new LocalDirectoryHealthProbe(root, Long.MAX_VALUE, Duration.ofHours(1), clock::get)
                .isUp())
        .as("the free space is read on every call")
        .isFalse();
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
