package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.lease.HandoverRequest;
import dev.todo.domain.port.out.PendingWrites;
import dev.todo.domain.port.out.WriterLease;
import dev.todo.domain.testing.InMemoryWriterLease;
import dev.todo.domain.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The keeper over the in-memory lease fake (which passes the same contract as the adapters). */
class WriterLeaseKeeperTest {

  private static final Duration TTL = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:30:00Z"));
  private final InMemoryWriterLease.Store store = new InMemoryWriterLease.Store(clock);
  private final AtomicInteger stopped = new AtomicInteger();
  private final WriterLeaseKeeper keeper = keeper("instance-a");

  private WriterLeaseKeeper keeper(String holder) {
    return keeper(holder, noReplication());
  }

  private static LitestreamReplication noReplication() {
    return new LitestreamReplication(
        new ReplicationConfiguration(Optional.empty(), "litestream", Duration.ofSeconds(5)),
        new WriterLeaseFactory.DatabaseFile(Optional.empty()),
        new dev.todo.domain.testing.InMemoryReplicaMarker(
            new java.util.concurrent.atomic.AtomicBoolean(), true),
        java.time.Clock.systemUTC());
  }

  private WriterLeaseKeeper keeper(String holder, LitestreamReplication replication) {
    return keeper(new InMemoryWriterLease(store, holder, TTL), replication);
  }

  private WriterLeaseKeeper keeper(WriterLease lease, LitestreamReplication replication) {
    return keeper(lease, replication, timeout -> true);
  }

  private WriterLeaseKeeper keeper(
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

  @Test
  void takesAFreeLeaseAndLetsWritesThrough() {
    assertThat(keeper.mayWrite()).isFalse();
    keeper.awaitLease();
    assertThat(keeper.state()).isEqualTo(WriterLeaseKeeper.State.HOLDING);
    assertThat(keeper.mayWrite()).isTrue();
    assertThat(store.currentHolder()).isEqualTo("instance-a");
  }

  @Test
  void writesStopByTheStoredExpiryEvenWhenTakingTheLeaseWasSlow() {
    var slow =
        new SlowAcquire(
            new InMemoryWriterLease(store, "instance-s", TTL), clock, Duration.ofSeconds(20));
    var keeper = keeper(slow, noReplication());
    Instant asked = clock.instant();
    try {
      keeper.awaitLease();
      // The record says asked + ttl; writes stop a fifth of the ttl before that, however long the
      // acquire took (a GCS round trip, a pause) after the record was written.
      clock.set(asked.plus(TTL).minus(TTL.dividedBy(5)).minusMillis(1));
      assertThat(keeper.mayWrite()).isTrue();
      clock.set(asked.plus(TTL).minus(TTL.dividedBy(5)));
      assertThat(keeper.mayWrite()).isFalse();
    } finally {
      keeper.release();
    }
  }

  /** A lease whose acquire returns only after {@code pause}, once the record is written. */
  private record SlowAcquire(InMemoryWriterLease lease, MutableClock clock, Duration pause)
      implements WriterLease {
    @Override
    public String holder() {
      return lease.holder();
    }

    @Override
    public Duration ttl() {
      return lease.ttl();
    }

    @Override
    public boolean acquire() {
      boolean held = lease.acquire();
      clock.advance(pause);
      return held;
    }

    @Override
    public boolean renew() {
      return lease.renew();
    }

    @Override
    public void release() {
      lease.release();
    }

    @Override
    public boolean requestHandover() {
      return lease.requestHandover();
    }

    @Override
    public Optional<HandoverRequest> handoverRequest() {
      return lease.handoverRequest();
    }
  }

  @Test
  void drainingStopsWritesButKeepsTheLeaseUntilReleased() {
    keeper.awaitLease();
    keeper.drain();
    assertThat(keeper.mayWrite()).isFalse();
    assertThat(store.currentHolder()).isEqualTo("instance-a");
    keeper.release();
    assertThat(store.currentHolder()).isNull();
    assertThat(keeper.state()).isEqualTo(WriterLeaseKeeper.State.RELEASED);
  }

  @Test
  void renewingKeepsWritesGoingPastTheFirstTtl() {
    keeper.awaitLease();
    clock.advance(TTL.dividedBy(2));
    keeper.renew();
    clock.advance(TTL.dividedBy(2));
    assertThat(keeper.mayWrite()).isTrue();
  }

  @Test
  void writesStopBeforeTheLeaseCouldExpireWhenRenewalsFail() {
    keeper.awaitLease();
    store.goDown();
    clock.advance(TTL.dividedBy(2));
    keeper.renew();
    assertThat(keeper.state()).isEqualTo(WriterLeaseKeeper.State.HOLDING);
    assertThat(keeper.mayWrite()).isTrue();
    clock.advance(TTL.dividedBy(3));
    assertThat(keeper.mayWrite()).as("inside the safety margin").isFalse();
    keeper.renew();
    assertThat(keeper.state()).isEqualTo(WriterLeaseKeeper.State.LOST);
    assertThat(stopped).as("a writer that lost its lease stops itself").hasValue(1);
    store.comeBack();
    keeper.renew();
    assertThat(keeper.mayWrite()).as("a lost lease is never used again").isFalse();
  }

  @Test
  void waitsWhileAnotherInstanceHoldsTheLeaseAndTakesItWhenReleased() throws Exception {
    WriterLeaseKeeper other = keeper("instance-b");
    other.awaitLease();
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(keeper::awaitLease);
    assertThat(keeper.state()).isEqualTo(WriterLeaseKeeper.State.WAITING);
    assertThat(keeper.mayWrite()).isFalse();

    other.release();
    waiting.get(30, TimeUnit.SECONDS);
    assertThat(keeper.mayWrite()).isTrue();
    assertThat(store.currentHolder()).isEqualTo("instance-a");
  }

  @Test
  void restoresAndReplicatesOnlyInsideTheLeaseAndSyncsBeforeReleasingIt(@TempDir Path dir)
      throws Exception {
    var litestream = StandInLitestream.in(dir);
    WriterLeaseKeeper other = keeper("instance-b");
    other.awaitLease();
    WriterLeaseKeeper writer = keeper("instance-c", litestream.replication());

    CompletableFuture<Void> waiting = CompletableFuture.runAsync(writer::awaitLease);
    assertThat(litestream.started())
        .as("no restore while another instance holds the lease")
        .isFalse();
    other.release();
    waiting.get(30, TimeUnit.SECONDS);
    litestream.awaitLines(3);
    assertThat(litestream.lines())
        .startsWith(
            "restore restore -config /etc/litestream.yml -if-db-not-exists -if-replica-exists "
                + litestream.database().toAbsolutePath(),
            "replicate replicate -config /etc/litestream.yml");

    writer.drain();
    writer.release();
    assertThat(litestream.lines()).last().isEqualTo("final sync");
    assertThat(store.currentHolder()).isNull();
  }

  @Test
  void aHandoverWaitsForTheAdmittedWritesThenSyncsThenReleases(@TempDir Path dir) throws Exception {
    var litestream = StandInLitestream.in(dir);
    var holderRef = new java.util.concurrent.atomic.AtomicReference<WriterLeaseKeeper>();
    PendingWrites lastCommitLands =
        timeout -> {
          litestream.note(
              "admitted writes finished, writes open: "
                  + holderRef.get().mayWrite()
                  + ", lease held by "
                  + store.currentHolder());
          return true;
        };
    var holder =
        keeper(
            new InMemoryWriterLease(store, "instance-h", TTL),
            litestream.replication(),
            lastCommitLands);
    holderRef.set(holder);
    holder.awaitLease();
    litestream.awaitLines(3);
    var successor = new InMemoryWriterLease(store, "instance-s", TTL);
    assertThat(successor.requestHandover()).isTrue();

    holder.renew();

    assertThat(holder.state()).isEqualTo(WriterLeaseKeeper.State.HANDED_OVER);
    assertThat(litestream.lines())
        .endsWith(
            "admitted writes finished, writes open: false, lease held by instance-h", "final sync");
    assertThat(store.currentHolder()).isNull();
  }

  @Test
  void aWriterThatLostItsLeaseKillsItsReplicationWithoutAFinalSync(@TempDir Path dir)
      throws Exception {
    var litestream = StandInLitestream.in(dir);
    var holder = keeper("instance-l", litestream.replication());
    holder.awaitLease();
    litestream.awaitLines(3);
    long pid = litestream.lastPid();
    store.goDown();

    clock.advance(TTL);
    holder.renew();

    assertThat(holder.state()).isEqualTo(WriterLeaseKeeper.State.LOST);
    awaitEnded(pid);
    holder.release();
    assertThat(litestream.lines()).doesNotContain("final sync");
  }

  private static void awaitEnded(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(System.nanoTime()).as("process %d ends", pid).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void handsTheLeaseOverWhenAWaitingInstanceAsksAndStopsItself() throws Exception {
    keeper.awaitLease();
    WriterLeaseKeeper successor = keeper("instance-b");
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(successor::awaitLease);
    awaitRequest();
    assertThat(stopped).hasValue(0);

    keeper.renew(); // the holder sees the request on its next renewal
    assertThat(keeper.state()).isEqualTo(WriterLeaseKeeper.State.HANDED_OVER);
    assertThat(keeper.mayWrite()).isFalse();
    assertThat(stopped).as("the old instance stops itself").hasValue(1);

    waiting.get(30, TimeUnit.SECONDS);
    assertThat(successor.mayWrite()).isTrue();
    assertThat(store.currentHolder()).isEqualTo("instance-b");
    successor.release();
  }

  private void awaitRequest() throws Exception {
    var probe = new InMemoryWriterLease(store, "instance-a", TTL);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (probe.handoverRequest().isEmpty()) {
      assertThat(System.nanoTime()).as("the waiting instance asks").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "holder=instance-dead\nrequested_at=2026-01-15T10:29:59.940Z\n",
        "holder=instance-dead\n"
      })
  void aRequestNobodyRenewsAnyMoreIsIgnoredAndClearedByTheNextHolder(String stored) {
    // Three retry intervals (10 ms each) old, or written before requests had a time stamp.
    keeper.awaitLease();
    store.plantRawHandoverRequest(stored.getBytes(StandardCharsets.UTF_8));

    keeper.renew();

    assertThat(keeper.state()).isEqualTo(WriterLeaseKeeper.State.HOLDING);
    assertThat(stopped).hasValue(0);
    keeper.release();
    var next = keeper("instance-next");
    next.awaitLease();
    assertThat(new InMemoryWriterLease(store, "instance-a", TTL).handoverRequest()).isEmpty();
    next.release();
  }

  @Test
  void handsOverOnlyToTheSameOrANewerRevision() {
    WriterLeaseKeeper current = keeper("todo-backend-00012-abc/host-1");
    assertThat(current.mayHandOverTo("todo-backend-00013-xyz/host-2")).isTrue();
    assertThat(current.mayHandOverTo("todo-backend-00012-abc/host-3")).isTrue();
    assertThat(current.mayHandOverTo("todo-backend-00011-def/host-4")).isFalse();
    assertThat(keeper("laptop-1").mayHandOverTo("laptop-2")).isTrue();
  }

  @Test
  void databaseFileIsFoundInTheJdbcUrl() {
    assertThat(WriterLeaseFactory.fileOf("jdbc:sqlite:./data/todo.db?foreign_keys=on"))
        .hasValueSatisfying(path -> assertThat(path.toString()).endsWith("data/todo.db"));
    assertThat(WriterLeaseFactory.fileOf("jdbc:sqlite::memory:")).isEmpty();
    assertThat(WriterLeaseFactory.fileOf("jdbc:sqlite:file:x?mode=memory")).isEmpty();
  }
}
