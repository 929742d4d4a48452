package dev.todo.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When Litestream last synced, as far as the service can tell: Litestream does not report its syncs
 * (not at level info), but it logs every failed one at level {@code ERROR} and syncs every {@code
 * sync-interval} (1 s in infra/litestream/litestream.yml). So a moment counts as synced when the
 * child had been running for one such interval before it and logged no error in it. The age is
 * therefore an estimate, at most one interval too young, and only as good as Litestream's error
 * log.
 */
final class SyncEvidence {

  /** Litestream's {@code sync-interval}. */
  static final Duration SYNC_INTERVAL = Duration.ofSeconds(1);

  private final Clock clock;
  private Instant healthySince;
  private Instant lastSynced;

  SyncEvidence(Clock clock) {
    this.clock = clock;
  }

  synchronized void started() {
    healthySince = clock.instant();
  }

  synchronized void line(String line) {
    if (line.contains("\"level\":\"ERROR\"") || line.contains("level=ERROR")) {
      Instant now = clock.instant();
      settle(now);
      healthySince = now;
    }
  }

  synchronized void ended() {
    settle(clock.instant());
    healthySince = null;
  }

  /** How long ago the last sync was; empty before the first one. */
  synchronized Optional<Duration> lastSyncAge() {
    Instant now = clock.instant();
    settle(now);
    return Optional.ofNullable(lastSynced).map(synced -> Duration.between(synced, now));
  }

  private void settle(Instant now) {
    if (healthySince != null && !now.isBefore(healthySince.plus(SYNC_INTERVAL))) {
      lastSynced = now;
    }
  }
}
