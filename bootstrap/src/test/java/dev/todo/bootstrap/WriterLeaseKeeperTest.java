package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.lease.HandoverRequest;
import dev.todo.domain.port.out.WriterLease;
import dev.todo.domain.testing.InMemoryWriterLease;
import dev.todo.domain.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The keeper over the in-memory lease fake (which passes the same contract as the adapters). */
class WriterLeaseKeeperTest extends WriterLeaseKeeperFixture {

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
