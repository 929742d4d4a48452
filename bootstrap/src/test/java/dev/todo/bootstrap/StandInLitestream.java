package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A shell script standing in for the {@code litestream} binary (which cannot be installed here): it
 * appends what it is asked to do to a journal, one line per step, and on SIGTERM takes a moment for
 * its "final sync". A test may add its own shell lines to the replicating loop.
 */
final class StandInLitestream {

  private final Path directory;
  private final Path journal;
  private final Path script;

  private StandInLitestream(Path directory, String atStart, String everyTick) throws IOException {
    this.directory = directory;
    this.journal = directory.resolve("journal");
    this.script = directory.resolve("litestream");
    Files.writeString(
        script,
        """
        #!/bin/sh
        journal="%s"
        if [ "$1" = restore ]; then
          echo "restore $*" >> "$journal"
          for database; do :; done
          if [ -f "%s" ]; then cp "%s" "$database"; fi
          exit 0
        fi
        echo "replicate $*" >> "$journal"
        %s
        echo "pid $$" >> "$journal"
        trap 'sleep 0.2; echo "final sync" >> "$journal"; exit 0' TERM
        while true; do sleep 0.05; %s done
        """
            .formatted(journal, replica(), replica(), atStart, everyTick));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
  }

  static StandInLitestream in(Path directory) throws IOException {
    return new StandInLitestream(directory, "", "");
  }

  /**
   * With {@code atStart} run when replication starts and {@code everyTick} (shell commands ending
   * in {@code ;}) every 50 ms while it runs.
   */
  static StandInLitestream in(Path directory, String atStart, String everyTick) throws IOException {
    return new StandInLitestream(directory, atStart, everyTick);
  }

  Path script() {
    return script;
  }

  /** What a restore copies to the database, when it exists. */
  Path replica() {
    return directory.resolve("replica");
  }

  Path database() {
    return directory.resolve("todo.db");
  }

  LitestreamReplication replication() {
    return replication(
        new dev.todo.domain.testing.InMemoryReplicaMarker(
            new java.util.concurrent.atomic.AtomicBoolean(), true));
  }

  LitestreamReplication replication(dev.todo.domain.port.out.ReplicaMarker marker) {
    return new LitestreamReplication(
        new ReplicationConfiguration(
            Optional.of("/etc/litestream.yml"), script.toString(), Duration.ofSeconds(30)),
        new WriterLeaseFactory.DatabaseFile(Optional.of(database())),
        marker,
        java.time.Clock.systemUTC());
  }

  /** Appends a line of the test's own to the journal, between the stand-in's. */
  void note(String line) {
    try {
      Files.writeString(
          journal,
          line + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  List<String> lines() throws IOException {
    return Files.exists(journal) ? Files.readAllLines(journal) : List.of();
  }

  boolean started() {
    return Files.exists(journal);
  }

  /** Waits until the journal has {@code count} lines (the child writes its own once it runs). */
  void awaitLines(int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (lines().size() < count) {
      assertThat(System.nanoTime()).as("%s gets %d lines", journal, count).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  /** The pid of the replicating child the journal names last. */
  long lastPid() throws IOException {
    return lines().stream()
        .filter(line -> line.startsWith("pid "))
        .reduce((first, second) -> second)
        .map(line -> Long.parseLong(line.substring(4)))
        .orElseThrow();
  }
}
