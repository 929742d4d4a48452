package dev.todo.bootstrap;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Litestream, run by the service itself so that every step happens inside the writer lease: the
 * database is restored from the replica only once this instance holds the lease (never while the
 * previous writer may still be writing), replication runs as a child process while it writes, and
 * on shutdown the child gets SIGTERM and is waited for (its final sync) before the lease is
 * released. Off unless {@code TODO_LITESTREAM_CONFIG} names a Litestream configuration file.
 */
@Singleton
class LitestreamReplication {

  private static final Logger LOG = LoggerFactory.getLogger(LitestreamReplication.class);
  private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(5);

  private final Optional<String> config;
  private final String binary;
  private final Duration stopTimeout;
  private final Optional<Path> database;
  private Process replicating;

  LitestreamReplication(
      ReplicationConfiguration configuration, WriterLeaseFactory.DatabaseFile databaseFile) {
    this.config = configuration.litestreamConfig();
    this.binary = configuration.litestreamBinary();
    this.stopTimeout = configuration.stopTimeout();
    this.database = databaseFile.path();
  }

  boolean enabled() {
    return config.isPresent() && database.isPresent();
  }

  /** Restores the database from the replica when the file does not exist and a replica does. */
  void restore() {
    if (!enabled()) {
      return;
    }
    List<String> command =
        List.of(
            binary,
            "restore",
            "-config",
            config.get(),
            "-if-db-not-exists",
            "-if-replica-exists",
            database.get().toString());
    LOG.info("Restoring the database from its replica: {}", String.join(" ", command));
    try {
      Process restore = new ProcessBuilder(command).inheritIO().start();
      if (!restore.waitFor(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        restore.destroyForcibly();
        throw new IllegalStateException("litestream restore did not finish in " + RESTORE_TIMEOUT);
      }
      if (restore.exitValue() != 0) {
        throw new IllegalStateException("litestream restore failed: exit " + restore.exitValue());
      }
    } catch (IOException e) {
      throw new IllegalStateException("litestream restore could not start: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while restoring the database", e);
    }
  }

  /** Starts continuous replication (a child process) of the database to the replica. */
  synchronized void start() {
    if (!enabled() || replicating != null) {
      return;
    }
    try {
      replicating =
          new ProcessBuilder(binary, "replicate", "-config", config.get()).inheritIO().start();
      LOG.info("Replicating the database with Litestream (pid {})", replicating.pid());
    } catch (IOException e) {
      throw new IllegalStateException("litestream replicate could not start: " + e.getMessage(), e);
    }
  }

  /** Ends the replication at once, without a final sync (SIGKILL); idempotent. */
  synchronized void kill() {
    if (replicating == null) {
      return;
    }
    replicating.destroyForcibly();
    LOG.warn("Litestream killed without a final sync (pid {})", replicating.pid());
    replicating = null;
  }

  /** SIGTERM to the replication, then waits for its final sync; idempotent. */
  synchronized void stop() {
    if (replicating == null) {
      return;
    }
    Process process = replicating;
    replicating = null;
    process.destroy();
    try {
      if (process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.info("Litestream stopped after its final sync (exit {})", process.exitValue());
      } else {
        LOG.error("Litestream did not stop within {}; killing it", stopTimeout);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
