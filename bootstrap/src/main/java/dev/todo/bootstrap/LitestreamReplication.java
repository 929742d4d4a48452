package dev.todo.bootstrap;

import dev.todo.domain.port.out.ReplicaMarker;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Litestream, run by the service itself so that every step happens inside the writer lease: the
 * database is restored from the replica only once this instance holds the lease (never while the
 * previous writer may still be writing), replication runs as a supervised child process while it
 * writes (restarted whenever it ends on its own; writes wait meanwhile), and on shutdown the child
 * gets SIGTERM and is waited for (its final sync) before the lease is released. Once it has synced,
 * the {@link ReplicaMarker} is set; from then on a restore that finds nothing stops the startup
 * instead of opening an empty database that would be replicated over the lost replica. Off unless
 * {@code TODO_LITESTREAM_CONFIG} names a Litestream configuration file. Litestream's output goes
 * through the service's logger {@code litestream} ({@link ChildLogRelay}), at the level each line
 * names.
 */
@Singleton
@SingleWriter
class LitestreamReplication implements ReplicationProgress {

  private static final Logger LOG = LoggerFactory.getLogger(LitestreamReplication.class);
  private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration FIRST_RESTART_PAUSE = Duration.ofSeconds(1);
  private static final Duration LONGEST_RESTART_PAUSE = Duration.ofSeconds(30);

  private final Optional<String> config;
  private final String binary;
  private final Duration stopTimeout;
  private final Optional<Path> database;
  private final SyncEvidence evidence;
  private final ReplicaMarker marker;
  private final ChildLogRelay logs = ChildLogRelay.litestream();
  private final ScheduledExecutorService marking =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("replica-marker").daemon().factory());
  private volatile SupervisedProcess replicating;

  LitestreamReplication(
      ReplicationConfiguration configuration,
      WriterLeaseFactory.DatabaseFile databaseFile,
      ReplicaMarker marker,
      Clock clock) {
    this.config = configuration.litestreamConfig();
    this.binary = configuration.litestreamBinary();
    this.stopTimeout = configuration.stopTimeout();
    this.database = databaseFile.path();
    this.marker = marker;
    this.evidence = new SyncEvidence(clock);
  }

  boolean enabled() {
    return config.isPresent() && database.isPresent();
  }

  /**
   * Restores the database from the replica when the file does not exist and a replica does; stops
   * the startup when the replica should exist (the marker is set) but the restore found nothing.
   */
  void restore() {
    if (!enabled()) {
      return;
    }
    boolean hadDatabase = Files.exists(database.get());
    runRestore();
    if (!hadDatabase && !Files.exists(database.get()) && marker.isSet()) {
      throw new IllegalStateException(
          "The restore found no replica, but this database was replicated before (the replica"
              + " marker is set): refusing to start on an empty database, which would be"
              + " replicated over the lost one. Restore the replica, or remove the marker to"
              + " start afresh.");
    }
  }

  private void runRestore() {
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
      Process restore = new ProcessBuilder(command).redirectErrorStream(true).start();
      Thread.ofPlatform()
          .name("litestream-restore-output")
          .daemon()
          .start(() -> logs.relayAll(restore.getInputStream()));
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

  /** Starts continuous replication (a supervised child process) of the database to the replica. */
  synchronized void start() {
    if (!enabled() || replicating != null) {
      return;
    }
    replicating =
        new SupervisedProcess(
            "litestream",
            List.of(binary, "replicate", "-config", config.get()),
            FIRST_RESTART_PAUSE,
            LONGEST_RESTART_PAUSE,
            new SupervisedProcess.Events() {
              @Override
              public void started() {
                evidence.started();
              }

              @Override
              public void line(String line) {
                logs.relay(line);
                evidence.line(line);
              }

              @Override
              public void ended() {
                evidence.ended();
                LOG.error("Litestream is not running: writes stop until it runs again");
              }
            });
    replicating.start();
    marking.scheduleWithFixedDelay(
        this::markOnceSynced,
        SyncEvidence.SYNC_INTERVAL.toMillis(),
        SyncEvidence.SYNC_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void markOnceSynced() {
    if (evidence.lastSyncAge().isPresent() && marker.set()) {
      LOG.info("The replica is initialised: a restore that finds nothing now stops the startup");
      marking.shutdown();
    }
  }

  /**
   * Whether writes are being replicated now: the child runs. Always true without replication; false
   * before {@link #start()} and after {@link #stop()}.
   */
  boolean isReplicating() {
    SupervisedProcess child = replicating;
    return !enabled() || (child != null && child.isRunning());
  }

  /** The estimated age of the last sync ({@link SyncEvidence}); empty before the first one. */
  @Override
  public Optional<Duration> lastSyncAge() {
    return evidence.lastSyncAge();
  }

  /** How often Litestream had to be started again. */
  long restarts() {
    SupervisedProcess child = replicating;
    return child == null ? 0 : child.restarts();
  }

  /** Ends the replication at once, without a final sync (SIGKILL); idempotent. */
  synchronized void kill() {
    marking.shutdownNow();
    if (replicating != null) {
      replicating.kill();
    }
  }

  /** SIGTERM to the replication, then waits for its final sync; idempotent. */
  synchronized void stop() {
    marking.shutdownNow();
    if (replicating != null) {
      replicating.stop(stopTimeout);
    }
  }
}
