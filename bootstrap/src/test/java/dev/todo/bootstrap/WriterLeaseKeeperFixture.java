package dev.todo.bootstrap;

import dev.todo.domain.port.out.PendingWrites;
import dev.todo.domain.port.out.WriterLease;
import dev.todo.domain.testing.InMemoryWriterLease;
import dev.todo.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * What the keeper tests share: a keeper over the in-memory lease fake (which passes the same
 * contract as the adapters), on a fixed clock, counting how often it stopped its instance.
 */
abstract class WriterLeaseKeeperFixture {

  static final Duration TTL = Duration.ofSeconds(30);

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:30:00Z"));
  final InMemoryWriterLease.Store store = new InMemoryWriterLease.Store(clock);
  final AtomicInteger stopped = new AtomicInteger();
  final WriterLeaseKeeper keeper = keeper("instance-a");

  WriterLeaseKeeper keeper(String holder) {
    return keeper(holder, noReplication());
  }

  static LitestreamReplication noReplication() {
    return new LitestreamReplication(
        new ReplicationConfiguration(Optional.empty(), "litestream", Duration.ofSeconds(5)),
        new WriterLeaseFactory.DatabaseFile(Optional.empty()),
        new dev.todo.domain.testing.InMemoryReplicaMarker(
            new java.util.concurrent.atomic.AtomicBoolean(), true),
        java.time.Clock.systemUTC());
  }

  WriterLeaseKeeper keeper(String holder, LitestreamReplication replication) {
    return keeper(new InMemoryWriterLease(store, holder, TTL), replication);
  }

  WriterLeaseKeeper keeper(WriterLease lease, LitestreamReplication replication) {
    return keeper(lease, replication, timeout -> true);
  }

  WriterLeaseKeeper keeper(
      WriterLease lease, LitestreamReplication replication, PendingWrites pendingWrites) {
    return new WriterLeaseKeeper(
        lease, replication, pendingWrites, clock, configuration(), stopped::incrementAndGet);
  }

  static LeaseConfiguration configuration() {
    return new LeaseConfiguration(
        Optional.empty(),
        "lease/writer",
        Optional.empty(),
        TTL,
        Duration.ofMillis(10),
        Duration.ZERO,
        true,
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(3));
  }

  @AfterEach
  void stop() {
    keeper.release();
  }
}
